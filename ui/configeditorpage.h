// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/configloader.h"

#include <QHash>
#include <QWidget>

class QBoxLayout;
class QLabel;
class QTableWidget;
class QTableWidgetItem;
class QPushButton;

namespace signalbox {

class RouterService;

// The frame of a console page that edits part of the config: a title, the page's own editors,
// and a bar with the problems, Revert and Apply. The page edits a copy; every change is
// validated at once with validateConfig(), and Apply hands the copy to the service, which saves
// it and swaps it into the router.
//
// Each page owns some sections of the config (mergeInto()). When the config changes elsewhere
// while the page has no edits, the page reloads it; with edits, the page keeps them and Apply
// merges them into the newest config.
class ConfigEditorPage : public QWidget {
    Q_OBJECT

public:
    ConfigEditorPage(RouterService *service, const QString &title, const QString &description,
                     QWidget *parent = nullptr);

    bool isDirty() const { return m_dirty; }
    // The config in force with this page's edits merged in.
    Config draft() const;
    // The problems of draft() found by the last validation.
    const QList<ConfigProblem> &problems() const { return m_problems; }

    QPushButton *applyButton() const { return m_applyButton; }
    QPushButton *revertButton() const { return m_revertButton; }

    void apply();
    void revert();

signals:
    // The edits were applied to the router (and saved, except in demo mode).
    void applied();
    void applyFailed(const QList<signalbox::ConfigProblem> &problems);

protected:
    // Fills the page's editors from a config, without marking the page as edited.
    virtual void loadConfig(const Config &config) = 0;
    // Writes the page's sections into a copy of the config.
    virtual void mergeInto(Config &config) const = 0;
    // Marks the editors at the problems' field paths. Returns the problems it could not place,
    // which the bar lists.
    virtual QList<ConfigProblem> showProblems(const QList<ConfigProblem> &problems) = 0;

    // Problems of input the page cannot write into the config at all, such as text that is not
    // a number. They are shown like validation problems and also block Apply.
    virtual QList<ConfigProblem> inputProblems() const { return {}; }

    // Call after every edit: marks the page as edited and validates the draft.
    void markEdited();
    // Validates the draft again without marking the page as edited.
    void revalidate();

    RouterService *service() const { return m_service; }
    // The config the page was loaded from, or the newest one when it changed since.
    const Config &base() const { return m_base; }
    bool hasConfig() const { return m_hasConfig; }
    QBoxLayout *contentLayout() const { return m_content; }
    void showStatus(const QString &message);

private:
    void onConfigChanged(const ConfigPtr &config);
    void onApplied(int requestId);
    void onApplyFailed(int requestId, const QList<ConfigProblem> &problems);
    void reload();
    void updateBar(const QList<ConfigProblem> &unplaced);

    RouterService *m_service;
    ConfigPtr m_source; // the snapshot m_base was copied from
    Config m_base;
    bool m_hasConfig = false;
    bool m_dirty = false;
    bool m_loading = false;
    int m_pendingApply = 0;
    QList<ConfigProblem> m_problems;

    QBoxLayout *m_content = nullptr;
    QLabel *m_problemLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_revertButton = nullptr;
    QPushButton *m_applyButton = nullptr;
};

// Returns the tooltip text for the problems of one field: one line per problem.
QString problemTooltip(const QStringList &messages);

// A background tint that marks an invalid cell, readable in light and dark palettes.
QColor invalidCellColor(const QPalette &palette);

// Marks a form widget as invalid, with the problems as its tooltip, or clears the mark when
// there are none.
void markInvalid(QWidget *widget, const QStringList &messages);

// Marks each cell of the table that has problems, with them as its tooltip, and clears the mark
// of every other cell.
void markInvalidCells(QTableWidget *table,
                      const QHash<QTableWidgetItem *, QStringList> &messagesByCell);

} // namespace signalbox
