// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "stagespage.h"

#include "budgetspinbox.h"
#include "consoletext.h"
#include "service/routerservice.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

namespace signalbox {

namespace {

const QString kAuto = QStringLiteral("auto");

// How long a new override lasts unless the user changes it.
constexpr int kDefaultOverrideHours = 2;

QStringList listTexts(const QListWidget *list, bool checkedOnly) {
    QStringList texts;
    for (int row = 0; row < list->count(); ++row) {
        const QListWidgetItem *item = list->item(row);
        if (!checkedOnly || item->checkState() == Qt::Checked)
            texts << item->text();
    }
    return texts;
}

QString joinedHtml(const QStringList &lines) {
    QStringList escaped;
    for (const QString &line : lines)
        escaped << line.toHtmlEscaped();
    return escaped.join(QStringLiteral("<br>"));
}

} // namespace

StagesPage::StagesPage(RouterService *service, QWidget *parent)
    : ConfigEditorPage(service, tr("Stages"),
                       tr("Pipeline stages pick their model by name: send \"stage:NAME\" as the "
                          "model, or the X-Signalbox-Stage header. Fallbacks are tried in order, "
                          "top first; drag them to reorder."),
                       parent) {
    setObjectName(QStringLiteral("stages"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(createStageColumn());
    splitter->addWidget(createEditor());
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    contentLayout()->addWidget(splitter, 1);
    contentLayout()->addWidget(createPreview());
    connectEditors();
    connect(service, &RouterService::routePreviewed, this, &StagesPage::showPreview);
}

QWidget *StagesPage::createStageColumn() {
    auto *column = new QWidget(this);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stageList = new QListWidget(column);
    m_stageList->setAccessibleName(tr("Stages"));
    m_stageList->setMinimumWidth(180);
    // Long names that share a prefix differ at their end, which stays visible; the tooltip has
    // the whole name.
    m_stageList->setTextElideMode(Qt::ElideMiddle);
    m_stageList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_stageList, 1);

    auto *addRow = new QHBoxLayout;
    m_newStage = new QLineEdit(column);
    m_newStage->setPlaceholderText(tr("New stage name"));
    m_newStage->setAccessibleName(tr("New stage name"));
    auto *addButton = new QPushButton(tr("Add"), column);
    m_removeStage = new QPushButton(tr("Remove"), column);
    m_removeStage->setToolTip(tr("Remove the selected stage and its budget"));
    addRow->addWidget(m_newStage, 1);
    addRow->addWidget(addButton);
    layout->addLayout(addRow);
    layout->addWidget(m_removeStage);

    connect(addButton, &QPushButton::clicked, this, &StagesPage::addStage);
    connect(m_newStage, &QLineEdit::returnPressed, this, &StagesPage::addStage);
    connect(m_removeStage, &QPushButton::clicked, this, &StagesPage::removeStage);
    connect(m_stageList, &QListWidget::currentRowChanged, this, &StagesPage::showStage);
    return column;
}

QWidget *StagesPage::createEditor() {
    m_editor = new QGroupBox(this);
    auto *form = new QFormLayout(m_editor);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_model = new QComboBox(m_editor);
    m_model->setToolTip(tr("\"auto\" lets the router pick among the allowed models"));
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("&Fallbacks:"), createFallbackEditor());

    m_allowed = new QListWidget(m_editor);
    m_allowed->setAccessibleName(tr("Allowed models"));
    m_allowed->setToolTip(tr("With no model checked, the stage may use every model"));
    m_allowed->setMaximumHeight(150);
    form->addRow(tr("&Allowed models:"), m_allowed);

    m_budget = new BudgetSpinBox(m_editor);
    m_budget->setSpecialValueText(tr("no stage budget"));
    m_budget->setAccessibleName(tr("Daily budget of the stage in USD"));
    m_budget->setMaximumWidth(220);
    form->addRow(tr("Daily &budget:"), m_budget);
    form->addRow(tr("&Override:"), createOverrideEditor());
    return m_editor;
}

QWidget *StagesPage::createFallbackEditor() {
    auto *box = new QWidget(m_editor);
    box->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_fallbacks = new QListWidget(box);
    m_fallbacks->setAccessibleName(tr("Fallbacks in order"));
    m_fallbacks->setDragDropMode(QAbstractItemView::InternalMove);
    m_fallbacks->setDefaultDropAction(Qt::MoveAction);
    m_fallbacks->setMaximumHeight(110);
    layout->addWidget(m_fallbacks);

    auto *row = new QHBoxLayout;
    m_fallbackChoice = new QComboBox(box);
    m_fallbackChoice->setAccessibleName(tr("Model to add as a fallback"));
    auto *addButton = new QPushButton(tr("Add fallback"), box);
    auto *removeButton = new QPushButton(tr("Remove"), box);
    row->addWidget(m_fallbackChoice, 1);
    row->addWidget(addButton);
    row->addWidget(removeButton);
    layout->addLayout(row);
    connect(addButton, &QPushButton::clicked, this, &StagesPage::addFallback);
    connect(removeButton, &QPushButton::clicked, this, &StagesPage::removeFallback);
    return box;
}

QWidget *StagesPage::createOverrideEditor() {
    auto *box = new QWidget(m_editor);
    box->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_overrideEnabled = new QCheckBox(tr("Pin to"), box);
    m_overrideEnabled->setToolTip(tr("Route this stage to one model until the given time, then "
                                     "return to its own model"));
    m_overrideModel = new QComboBox(box);
    m_overrideModel->setAccessibleName(tr("Model the stage is pinned to"));
    m_overrideUntil = new QDateTimeEdit(box);
    m_overrideUntil->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_overrideUntil->setCalendarPopup(true);
    m_overrideUntil->setAccessibleName(tr("Pinned until, local time"));
    layout->addWidget(m_overrideEnabled);
    layout->addWidget(m_overrideModel, 1);
    layout->addWidget(new QLabel(tr("until"), box));
    layout->addWidget(m_overrideUntil);
    return box;
}

QWidget *StagesPage::createPreview() {
    auto *group = new QGroupBox(tr("Routing preview"), this);
    auto *layout = new QHBoxLayout(group);
    m_prompt = new QPlainTextEdit(group);
    m_prompt->setPlaceholderText(tr("A sample prompt for the selected stage"));
    m_prompt->setPlainText(tr("Refactor the settings dialog so that it remembers its size."));
    m_prompt->setAccessibleName(tr("Sample prompt"));
    m_prompt->setMaximumHeight(80);
    auto *button = new QPushButton(tr("Preview"), group);
    button->setToolTip(tr("Show which model the router would pick, with the edits on this page"));
    m_previewResult = new QLabel(group);
    m_previewResult->setWordWrap(true);
    m_previewResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_previewResult->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_previewResult->setMinimumWidth(320);
    layout->addWidget(m_prompt, 2);
    layout->addWidget(button, 0, Qt::AlignTop);
    layout->addWidget(m_previewResult, 3);
    connect(button, &QPushButton::clicked, this, &StagesPage::runPreview);
    return group;
}

void StagesPage::connectEditors() {
    connect(m_model, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (StageConfig *stage = current(); stage && !m_updating) {
            stage->model = text;
            markEdited();
        }
    });
    // A drag inside the list moves a row; read the order back once the move is complete.
    connect(m_fallbacks->model(), &QAbstractItemModel::rowsMoved, this, &StagesPage::readFallbacks);
    connect(m_fallbacks->model(), &QAbstractItemModel::rowsInserted, this,
            &StagesPage::readFallbacks);
    connect(m_fallbacks->model(), &QAbstractItemModel::rowsRemoved, this,
            &StagesPage::readFallbacks);
    connect(m_allowed, &QListWidget::itemChanged, this, &StagesPage::readAllowed);
    connect(m_budget, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        const StageConfig *stage = current();
        if (!stage || m_updating)
            return;
        if (value > 0)
            m_budgets.insert(stage->name, value);
        else
            m_budgets.remove(stage->name);
        markEdited();
    });
    connect(m_overrideEnabled, &QCheckBox::toggled, this, [this](bool enabled) {
        m_overrideModel->setEnabled(enabled);
        m_overrideUntil->setEnabled(enabled);
        if (enabled && !m_updating && m_overrideUntil->dateTime() <= QDateTime::currentDateTime())
            m_overrideUntil->setDateTime(
                QDateTime::currentDateTime().addSecs(kDefaultOverrideHours * 3600));
        readOverride();
    });
    connect(m_overrideModel, &QComboBox::currentTextChanged, this, &StagesPage::readOverride);
    connect(m_overrideUntil, &QDateTimeEdit::dateTimeChanged, this, &StagesPage::readOverride);
}

StageConfig *StagesPage::current() {
    if (m_current < 0 || m_current >= m_stages.size())
        return nullptr;
    return &m_stages[m_current];
}

QString StagesPage::currentStage() const {
    return m_stages.value(m_current).name;
}

void StagesPage::selectStage(const QString &name) {
    for (qsizetype i = 0; i < m_stages.size(); ++i) {
        if (m_stages.at(i).name == name)
            m_stageList->setCurrentRow(int(i));
    }
}

void StagesPage::loadConfig(const Config &config) {
    const QString selected = currentStage();
    m_stages = config.stages;
    m_budgets = config.gates.stageBudgetsUsd;
    m_modelIds.clear();
    for (const ModelConfig &model : config.models)
        m_modelIds << model.id;

    m_updating = true;
    m_stageList->clear();
    for (const StageConfig &stage : std::as_const(m_stages))
        addStageItem(stage.name);
    m_updating = false;

    m_current = -1;
    int row = 0;
    for (qsizetype i = 0; i < m_stages.size(); ++i) {
        if (m_stages.at(i).name == selected)
            row = int(i);
    }
    m_stageList->setCurrentRow(m_stages.isEmpty() ? -1 : row);
    showStage(m_stageList->currentRow());
}

void StagesPage::mergeInto(Config &config) const {
    config.stages = m_stages;
    config.gates.stageBudgetsUsd = m_budgets;
}

QStringList StagesPage::usableModels(const StageConfig *stage) const {
    if (!stage || stage->allowed.isEmpty())
        return m_modelIds;
    QStringList usable;
    for (const QString &model : std::as_const(m_modelIds)) {
        if (stage->allowed.contains(model))
            usable << model;
    }
    return usable;
}

// Offers only the models the stage may use. The stage's model and a pinned model stay chosen and
// shown when the allowed list no longer has them, so that the problem list can report it.
void StagesPage::fillModelChoices(bool keepChoices) {
    const auto fill = [](QComboBox *box, const QStringList &items, bool keepChosen) {
        const QString chosen = box->currentText();
        box->clear();
        box->addItems(items);
        if (keepChosen && !chosen.isEmpty() && box->findText(chosen) < 0)
            box->addItem(chosen);
        if (box->findText(chosen) >= 0)
            box->setCurrentText(chosen);
    };
    const QStringList usable = usableModels(current());
    fill(m_model, QStringList{kAuto} + usable, keepChoices);
    fill(m_overrideModel, usable, keepChoices && m_overrideEnabled->isChecked());
    m_fallbackChoice->clear();
    m_fallbackChoice->addItems(usable);
}

void StagesPage::showStage(int index) {
    if (m_updating)
        return;
    m_current = index;
    const StageConfig *stage = current();
    m_editor->setEnabled(stage != nullptr);
    if (!stage)
        return;

    m_updating = true;
    m_editor->setTitle(tr("Stage \"%1\"").arg(stage->name));
    fillModelChoices(false);
    if (m_model->findText(stage->model) < 0)
        m_model->addItem(stage->model);
    m_model->setCurrentText(stage->model);

    m_fallbacks->clear();
    for (const QString &model : stage->fallbacks) {
        auto *item = new QListWidgetItem(model, m_fallbacks);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    m_allowed->clear();
    for (const QString &model : std::as_const(m_modelIds)) {
        auto *item = new QListWidgetItem(model, m_allowed);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(stage->allowed.contains(model) ? Qt::Checked : Qt::Unchecked);
    }
    m_budget->setValue(m_budgets.value(stage->name, 0));

    const bool pinned = stage->stageOverride.has_value();
    m_overrideEnabled->setChecked(pinned);
    m_overrideModel->setEnabled(pinned);
    m_overrideUntil->setEnabled(pinned);
    m_overrideModel->setCurrentText(pinned ? stage->stageOverride->model : stage->model);
    m_overrideUntil->setDateTime(
        pinned ? stage->stageOverride->until.toLocalTime()
               : QDateTime::currentDateTime().addSecs(kDefaultOverrideHours * 3600));
    m_updating = false;
    revalidate();
}

void StagesPage::readFallbacks() {
    StageConfig *stage = current();
    if (!stage || m_updating)
        return;
    const QStringList fallbacks = listTexts(m_fallbacks, false);
    if (fallbacks == stage->fallbacks)
        return;
    stage->fallbacks = fallbacks;
    markEdited();
}

void StagesPage::readAllowed() {
    StageConfig *stage = current();
    if (!stage || m_updating)
        return;
    stage->allowed = listTexts(m_allowed, true);
    m_updating = true;
    fillModelChoices(true);
    m_updating = false;
    markEdited();
}

void StagesPage::readOverride() {
    StageConfig *stage = current();
    if (!stage || m_updating)
        return;
    if (m_overrideEnabled->isChecked()) {
        stage->stageOverride =
            StageOverride{m_overrideModel->currentText(), m_overrideUntil->dateTime().toUTC()};
    } else {
        stage->stageOverride.reset();
    }
    markEdited();
}

void StagesPage::addFallback() {
    const QString model = m_fallbackChoice->currentText();
    if (!current() || model.isEmpty() || !m_fallbacks->findItems(model, Qt::MatchExactly).isEmpty())
        return;
    auto *item = new QListWidgetItem(model);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    m_fallbacks->addItem(item);
}

void StagesPage::removeFallback() {
    delete m_fallbacks->currentItem();
}

void StagesPage::addStage() {
    const QString name = m_newStage->text().trimmed();
    if (name.isEmpty())
        return;
    for (const StageConfig &stage : std::as_const(m_stages)) {
        if (stage.name == name) {
            selectStage(name);
            return;
        }
    }
    m_stages.append(StageConfig{name, kAuto, {}, {}, {}});
    m_newStage->clear();
    addStageItem(name);
    m_stageList->setCurrentRow(m_stageList->count() - 1);
    markEdited();
}

void StagesPage::removeStage() {
    const int row = m_stageList->currentRow();
    if (row < 0 || row >= m_stages.size())
        return;
    m_budgets.remove(m_stages.at(row).name);
    m_stages.removeAt(row);
    m_current = -1;
    delete m_stageList->takeItem(row);
    showStage(m_stageList->currentRow());
    markEdited();
}

void StagesPage::runPreview() {
    const QString stage = currentStage();
    const QJsonObject body{
        {QStringLiteral("model"),
         stage.isEmpty() ? QStringLiteral("auto") : QStringLiteral("stage:") + stage},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), m_prompt->toPlainText()}}}}};
    m_previewRequest = service()->previewRoute(body, std::make_shared<const Config>(draft()));
    m_previewResult->setText(m_previewRequest != 0
                                 ? tr("Asking the router…")
                                 : tr("The preview needs the router, which is not running."));
}

void StagesPage::addStageItem(const QString &name) {
    auto *item = new QListWidgetItem(name, m_stageList);
    item->setToolTip(name);
}

void StagesPage::showPreview(quint64 requestId, const RoutePreview &preview) {
    if (requestId != m_previewRequest)
        return;
    if (!preview.routed) {
        m_previewResult->setText(tr("<b>Rejected with HTTP %1:</b> %2")
                                     .arg(preview.httpStatus)
                                     .arg(preview.errorMessage.toHtmlEscaped()));
    } else {
        const QString fallbacks = preview.candidates.mid(1).join(QStringLiteral(", "));
        // The cost is -1 when the chosen model is not in the registry.
        const QString cost = preview.worstCaseCostUsd >= 0
                                 ? ConsoleText::usd(preview.worstCaseCostUsd)
                                 : tr("unknown");
        m_previewResult->setText(
            tr("<b>%1</b> from provider %2, route <i>%3</i>. Fallbacks: %4. Worst-case cost %5 "
               "for about %6 input tokens.<br>%7")
                .arg(preview.model.toHtmlEscaped(), preview.provider.toHtmlEscaped(), preview.level,
                     fallbacks.isEmpty() ? tr("none") : fallbacks.toHtmlEscaped(), cost)
                .arg(QLocale().toString(preview.estimatedInputTokens))
                .arg(joinedHtml(preview.trace)));
    }
    emit previewShown(preview);
}

QList<ConfigProblem> StagesPage::showProblems(const QList<ConfigProblem> &problems) {
    static const QRegularExpression stagePath(QStringLiteral("^stages\\.([^.\\[]+)(.*)$"));
    static const QRegularExpression budgetPath(
        QStringLiteral("^gates\\.stage_budgets_usd\\.(.+)$"));
    const QString name = currentStage();
    QHash<QString, QStringList> byStage;
    QStringList model, fallbacks, allowed, budget, pin;
    QList<ConfigProblem> unplaced;
    for (const ConfigProblem &problem : problems) {
        const QRegularExpressionMatch stage = stagePath.match(problem.path);
        const QRegularExpressionMatch money = budgetPath.match(problem.path);
        const QString owner = stage.hasMatch() ? stage.captured(1) : money.captured(1);
        if (owner.isEmpty()) {
            unplaced << problem;
            continue;
        }
        byStage[owner] << problem.toString();
        if (owner != name)
            continue;
        const QString rest = stage.captured(2);
        if (money.hasMatch())
            budget << problem.message;
        else if (rest.startsWith(QLatin1String(".fallbacks")))
            fallbacks << problem.message;
        else if (rest.startsWith(QLatin1String(".allowed")))
            allowed << problem.message;
        else if (rest.startsWith(QLatin1String(".override")))
            pin << problem.message;
        else
            model << problem.message;
    }
    markInvalid(m_model, model);
    markInvalid(m_fallbacks, fallbacks);
    markInvalid(m_allowed, allowed);
    markInvalid(m_budget, budget);
    markInvalid(m_overrideModel, pin);
    markInvalid(m_overrideUntil, pin);

    const QIcon warning = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int row = 0; row < m_stageList->count(); ++row) {
        QListWidgetItem *item = m_stageList->item(row);
        const QStringList messages = byStage.value(item->text());
        item->setIcon(messages.isEmpty() ? QIcon() : warning);
        item->setToolTip(messages.isEmpty()
                             ? item->text()
                             : item->text() + QLatin1Char('\n') + problemTooltip(messages));
    }
    return unplaced;
}

} // namespace signalbox
