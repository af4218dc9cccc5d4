// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "configeditorpage.h"
#include "service/servicetypes.h"

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QPushButton;
class QTableWidget;

namespace signalbox {

// The providers editor and the keys. Providers (kind, base URL, whether a key is needed, the
// usual key variable) are part of the config and apply with Apply. Presets come from the embedded
// default config. Keys are saved at once, to the OS keychain or, after an explicit opt-in, to an
// owner-only file, and never to the config file. The page shows keys only masked. "Test
// connection" lists the provider's models with its key.
class ProvidersPage : public ConfigEditorPage {
    Q_OBJECT

public:
    enum Column { IdColumn, KindColumn, BaseUrlColumn, NeedsKeyColumn, KeyEnvColumn };

    explicit ProvidersPage(RouterService *service, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QLabel *keychainLabel() const { return m_keychainLabel; }
    QLabel *keyStatusLabel() const { return m_keyStatus; }
    QLineEdit *keyEdit() const { return m_keyEdit; }
    QPushButton *saveKeyButton() const { return m_saveKey; }
    QPushButton *removeKeyButton() const { return m_removeKey; }
    QCheckBox *keyFileCheck() const { return m_keyFile; }
    QLabel *keyFileWarning() const { return m_keyFileWarning; }
    QPushButton *testButton() const { return m_testButton; }
    QListWidget *testResult() const { return m_testModels; }
    QLabel *testMessage() const { return m_testMessage; }

    void selectProvider(const QString &id);
    QString currentProvider() const;
    // Adds a provider from the presets of the embedded default config.
    bool addPreset(const QString &id);

signals:
    void connectionTested(const signalbox::ProviderModels &result);

protected:
    void loadConfig(const Config &config) override;
    void mergeInto(Config &config) const override;
    QList<ConfigProblem> showProblems(const QList<ConfigProblem> &problems) override;

private:
    QWidget *createTable();
    QWidget *createKeyPanel();
    QWidget *createTestPanel();
    void addRow(const ProviderConfig &provider);
    ProviderConfig providerAt(int row) const;
    int rowOf(const QString &id) const; // -1 when no provider has the id
    void fillPresetMenu();
    void showSelected();
    void showKeychainState(const KeychainState &state);
    void showKeyStatus(const KeyStatus &status);
    void onKeyOperation(const QString &providerId, bool ok, const QString &message);
    void onKeyFileToggled(bool enabled);
    void testConnection();
    void showTestResult(int requestId, const ProviderModels &result);

    QList<ProviderConfig> m_presets;
    bool m_loading = false;
    int m_testRequest = 0;

    QTableWidget *m_table = nullptr;
    QMenu *m_presetMenu = nullptr;
    QGroupBox *m_keyGroup = nullptr;
    QLabel *m_keychainLabel = nullptr;
    QCheckBox *m_keyFile = nullptr;
    QLabel *m_keyFileWarning = nullptr;
    QLabel *m_keyStatus = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QPushButton *m_saveKey = nullptr;
    QPushButton *m_removeKey = nullptr;
    QLabel *m_keyMessage = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testMessage = nullptr;
    QListWidget *m_testModels = nullptr;
};

} // namespace signalbox
