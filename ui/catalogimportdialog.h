// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "litellmcatalog.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QThread;

namespace signalbox {

// Lists the chat models of a LiteLLM price catalog so that the user can choose which to import.
// The file is read and parsed on a thread of its own, with a busy bar and a Cancel button, so a
// large catalog never freezes the window. Each row says what importing it does: add a new
// model, or update the prices of an existing one with the same upstream id and provider.
class CatalogImportDialog : public QDialog {
    Q_OBJECT

public:
    CatalogImportDialog(const QString &path, QList<ModelConfig> existing,
                        QList<ProviderConfig> providers, QWidget *parent = nullptr);
    ~CatalogImportDialog() override;

    int modelCount() const { return int(m_catalog.size()); }
    void setFilterText(const QString &text);
    // Checks or unchecks the row of a catalog key. Returns false when the key is not listed.
    bool setChosen(const QString &key, bool chosen);
    void setTargetProvider(const QString &providerId);
    // The import the checked rows would make.
    ImportPlan plan() const;
    // Rows shown after filtering.
    int visibleCount() const;

signals:
    void loaded(int count);
    void loadFailed(const QString &message);
    void importRequested(const signalbox::ImportPlan &plan);

private:
    void startLoading(const QString &path);
    void onLoaded(const Result<QList<CatalogModel>> &result);
    void fillTable();
    void updateActions();
    void checkShown(bool chosen);
    QList<CatalogModel> chosenModels() const;
    QStringList providerIds() const;
    QString targetProvider() const;

    QList<ModelConfig> m_existing;
    QList<ProviderConfig> m_providers;
    QList<CatalogModel> m_catalog;

    QThread *m_loader = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;

    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_catalogProvider = nullptr;
    QComboBox *m_target = nullptr;
    QStandardItemModel *m_items = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_importButton = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace signalbox
