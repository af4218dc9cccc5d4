// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "configeditorpage.h"
#include "routing/routepreview.h"

#include <QMap>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace signalbox {

// The stage editor: for each pipeline stage its model (or automatic routing), its fallbacks in
// the order they are tried (drag to reorder), the models it may use, its daily budget and a
// temporary override. A preview shows the routing decision for a sample prompt with the edits.
class StagesPage : public ConfigEditorPage {
    Q_OBJECT

public:
    explicit StagesPage(RouterService *service, QWidget *parent = nullptr);

    void selectStage(const QString &name);
    QString currentStage() const;

    QListWidget *stageList() const { return m_stageList; }
    QLineEdit *newStageEdit() const { return m_newStage; }
    QPushButton *removeStageButton() const { return m_removeStage; }
    QComboBox *modelCombo() const { return m_model; }
    QListWidget *fallbackList() const { return m_fallbacks; }
    QComboBox *fallbackChoice() const { return m_fallbackChoice; }
    QListWidget *allowedList() const { return m_allowed; }
    QDoubleSpinBox *budgetSpin() const { return m_budget; }
    QCheckBox *overrideCheck() const { return m_overrideEnabled; }
    QComboBox *overrideModelCombo() const { return m_overrideModel; }
    QDateTimeEdit *overrideUntilEdit() const { return m_overrideUntil; }
    QPlainTextEdit *previewPrompt() const { return m_prompt; }
    QLabel *previewResult() const { return m_previewResult; }

    // Asks the router for the decision on the sample prompt; previewShown() follows.
    void runPreview();

signals:
    void previewShown(const signalbox::RoutePreview &preview);

protected:
    void loadConfig(const Config &config) override;
    void mergeInto(Config &config) const override;
    QList<ConfigProblem> showProblems(const QList<ConfigProblem> &problems) override;

private:
    void addStageItem(const QString &name);
    QWidget *createStageColumn();
    QWidget *createEditor();
    QWidget *createFallbackEditor();
    QWidget *createOverrideEditor();
    QWidget *createPreview();
    void connectEditors();
    void showStage(int index);
    QStringList usableModels(const StageConfig *stage) const;
    void fillModelChoices(bool keepChoices);
    void readFallbacks();
    void readAllowed();
    void readOverride();
    void addFallback();
    void removeFallback();
    void addStage();
    void removeStage();
    void showPreview(quint64 requestId, const RoutePreview &preview);
    StageConfig *current();

    QList<StageConfig> m_stages;
    QMap<QString, double> m_budgets;
    QStringList m_modelIds;
    int m_current = -1;
    bool m_updating = false;
    quint64 m_previewRequest = 0;

    QListWidget *m_stageList = nullptr;
    QLineEdit *m_newStage = nullptr;
    QPushButton *m_removeStage = nullptr;
    QGroupBox *m_editor = nullptr;
    QComboBox *m_model = nullptr;
    QListWidget *m_fallbacks = nullptr;
    QComboBox *m_fallbackChoice = nullptr;
    QListWidget *m_allowed = nullptr;
    QDoubleSpinBox *m_budget = nullptr;
    QCheckBox *m_overrideEnabled = nullptr;
    QComboBox *m_overrideModel = nullptr;
    QDateTimeEdit *m_overrideUntil = nullptr;
    QPlainTextEdit *m_prompt = nullptr;
    QLabel *m_previewResult = nullptr;
};

} // namespace signalbox
