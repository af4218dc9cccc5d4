// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gatespage.h"

#include "budgetspinbox.h"
#include "consoletext.h"
#include "gatestoreview.h"
#include "secretfield.h"
#include "secrets/keylookup.h"
#include "service/routerservice.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace signalbox {

namespace {

// The largest rate limit the editors accept, the config's largest, which an int spin box holds.
constexpr int kMaxRate = int(kMaxRateOrTokens);

// An editable combo box of choices for one column, e.g. the rate limit scopes.
class ChoiceDelegate : public QStyledItemDelegate {
public:
    ChoiceDelegate(std::function<QStringList()> choices, bool editable, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_choices(std::move(choices))
        , m_editable(editable) {}

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &,
                          const QModelIndex &) const override {
        auto *combo = new QComboBox(parent);
        combo->setEditable(m_editable);
        combo->addItems(m_choices());
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override {
        static_cast<QComboBox *>(editor)->setCurrentText(index.data(Qt::EditRole).toString());
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override {
        model->setData(index, static_cast<QComboBox *>(editor)->currentText().trimmed());
    }

private:
    std::function<QStringList()> m_choices;
    bool m_editable;
};

// Shows whole numbers with the locale's group separators, e.g. 2,000,000.
class NumberDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QString displayText(const QVariant &value, const QLocale &) const override {
        if (value.typeId() == QMetaType::Double)
            return ConsoleText::decimals(value.toDouble(), 2, 6);
        return QLocale().toString(value.toLongLong());
    }

    // Qt's default editor for a double keeps two decimals, which would round a budget below one
    // cent to none.
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override {
        if (index.data(Qt::EditRole).typeId() != QMetaType::Double)
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto *editor = new BudgetSpinBox(parent);
        editor->setPrefix(QString());
        editor->setFrame(false);
        return editor;
    }
};

QTableWidget *createTable(const QStringList &headers, QWidget *parent) {
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    return table;
}

QWidget *tableWithButtons(QTableWidget *table, const std::function<void()> &add, QWidget *parent) {
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table, 1);
    auto *row = new QHBoxLayout;
    auto *addButton = new QPushButton(QObject::tr("Add"), box);
    auto *removeButton = new QPushButton(QObject::tr("Remove"), box);
    row->addWidget(addButton);
    row->addWidget(removeButton);
    row->addStretch(1);
    layout->addLayout(row);
    QObject::connect(addButton, &QPushButton::clicked, box, add);
    QObject::connect(removeButton, &QPushButton::clicked, table, [table] {
        if (table->currentRow() >= 0)
            table->removeRow(table->currentRow());
    });
    return box;
}

QTableWidgetItem *numberItem(qint64 value) {
    auto *item = new QTableWidgetItem;
    item->setData(Qt::EditRole, int(qMin<qint64>(value, kMaxRate)));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QDoubleSpinBox *budgetSpin(const QString &none, QWidget *parent) {
    auto *spin = new BudgetSpinBox(parent);
    spin->setSpecialValueText(none);
    spin->setMinimumWidth(200);
    return spin;
}

} // namespace

GatesPage::GatesPage(RouterService *service, QWidget *parent)
    : ConfigEditorPage(service, tr("Gates"),
                       tr("Budgets and rate limits every request is held to. A request whose "
                          "worst-case cost does not fit a budget moves to a cheaper fallback or "
                          "is rejected with 402; one over a rate limit gets 429."),
                       parent) {
    setObjectName(QStringLiteral("gates"));
    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(createBudgetGroup(), 1);
    m_store = new GateStoreView(this);
    left->addWidget(m_store);
    left->addWidget(createPasswordGroup());
    columns->addLayout(left, 1);
    auto *right = new QVBoxLayout;
    right->addWidget(createRateGroup(), 3);
    right->addWidget(createModelBudgetGroup(), 2);
    columns->addLayout(right, 1);
    contentLayout()->addLayout(columns, 1);

    connect(service, &RouterService::gatesChanged, m_store,
            [this](const GateSnapshot &snapshot) { m_store->setStatus(snapshot.store); });

    for (QDoubleSpinBox *spin : {m_daily, m_monthly})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &GatesPage::markEdited);
    connect(m_timeZone, &QComboBox::currentTextChanged, this, &GatesPage::markEdited);
    for (QSpinBox *spin : {m_resetHour, m_reserve})
        connect(spin, &QSpinBox::valueChanged, this, &GatesPage::markEdited);
    connect(m_warnAt, &QLineEdit::textChanged, this, &GatesPage::markEdited);
    for (QTableWidget *table : {m_rates, m_modelBudgets}) {
        connect(table, &QTableWidget::itemChanged, this, [this] {
            if (!m_loading)
                markEdited();
        });
        connect(table->model(), &QAbstractItemModel::rowsRemoved, this, [this] {
            if (!m_loading)
                markEdited();
        });
    }
}

QWidget *GatesPage::createBudgetGroup() {
    auto *group = new QGroupBox(tr("Budgets"), this);
    auto *form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_daily = budgetSpin(tr("no daily budget"), group);
    m_daily->setAccessibleName(tr("Daily budget in USD"));
    form->addRow(tr("&Daily budget:"), m_daily);
    m_monthly = budgetSpin(tr("no monthly budget"), group);
    m_monthly->setAccessibleName(tr("Monthly budget in USD"));
    form->addRow(tr("&Monthly budget:"), m_monthly);

    m_timeZone = new QComboBox(group);
    m_timeZone->addItem(QStringLiteral("local"));
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_timeZone->addItem(QString::fromUtf8(id));
    m_timeZone->setToolTip(tr("The day and month of the budgets follow this time zone"));
    form->addRow(tr("&Time zone:"), m_timeZone);
    m_resetHour = new QSpinBox(group);
    m_resetHour->setRange(0, 23);
    m_resetHour->setSuffix(QStringLiteral(":00"));
    m_resetHour->setMinimumWidth(200);
    m_resetHour->setToolTip(tr("The hour at which the day starts; the month starts at this hour "
                               "on the 1st"));
    form->addRow(tr("&Reset hour:"), m_resetHour);

    m_timeZone->setMinimumWidth(200);
    m_warnAt = new QLineEdit(group);
    m_warnAt->setMinimumWidth(200);
    m_warnAt->setPlaceholderText(tr("e.g. 50, 80, 95"));
    m_warnAt->setToolTip(tr("Percentages of each budget at which a warning is shown once per "
                            "period, separated by commas"));
    form->addRow(tr("&Warn at (%):"), m_warnAt);
    m_reserve = new QSpinBox(group);
    m_reserve->setRange(1, kMaxRate);
    m_reserve->setGroupSeparatorShown(true);
    m_reserve->setSuffix(tr(" tokens"));
    m_reserve->setMinimumWidth(200);
    m_reserve->setToolTip(tr("Output reserved for a request that sets no max_tokens, capped by "
                             "the model's maximum output"));
    form->addRow(tr("Reserve &output:"), m_reserve);

    auto *stageNote = new QLabel(tr("Daily budgets per stage are set on the Stages page."), group);
    stageNote->setWordWrap(true);
    stageNote->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(stageNote);
    return group;
}

QWidget *GatesPage::createRateGroup() {
    auto *group = new QGroupBox(tr("Rate limits per minute"), this);
    auto *layout = new QVBoxLayout(group);
    m_rates = createTable({tr("Scope"), tr("Requests"), tr("Tokens")}, group);
    m_rates->setAccessibleName(tr("Rate limits"));
    m_rates->setToolTip(tr("Scope: global, provider:ID, model:ID or stage:NAME. 0 means no "
                           "limit."));
    m_rates->setItemDelegateForColumn(RpmColumn, new NumberDelegate(m_rates));
    m_rates->setItemDelegateForColumn(TpmColumn, new NumberDelegate(m_rates));
    m_rates->setItemDelegateForColumn(
        ScopeColumn, new ChoiceDelegate([this] { return scopeChoices(); }, true, m_rates));
    layout->addWidget(tableWithButtons(
        m_rates, [this] { addRateLimit(QStringLiteral("global"), 60, 0); }, group));
    return group;
}

QWidget *GatesPage::createModelBudgetGroup() {
    auto *group = new QGroupBox(tr("Daily budgets per model"), this);
    auto *layout = new QVBoxLayout(group);
    m_modelBudgets = createTable({tr("Model"), tr("USD per day")}, group);
    m_modelBudgets->setAccessibleName(tr("Model budgets"));
    m_modelBudgets->setItemDelegateForColumn(BudgetColumn, new NumberDelegate(m_modelBudgets));
    m_modelBudgets->setItemDelegateForColumn(
        ModelColumn, new ChoiceDelegate([this] { return m_modelIds; }, false, m_modelBudgets));
    layout->addWidget(tableWithButtons(
        m_modelBudgets, [this] { addModelBudget(m_modelIds.value(0), 1.0); }, group));
    return group;
}

void GatesPage::addRateLimit(const QString &scope, int rpm, int tpm) {
    // The row is complete before anything reads it.
    const bool wasLoading = std::exchange(m_loading, true);
    const int row = m_rates->rowCount();
    m_rates->insertRow(row);
    m_rates->setItem(row, ScopeColumn, new QTableWidgetItem(scope));
    m_rates->setItem(row, RpmColumn, numberItem(rpm));
    m_rates->setItem(row, TpmColumn, numberItem(tpm));
    m_loading = wasLoading;
    if (!m_loading)
        markEdited();
}

void GatesPage::addModelBudget(const QString &model, double usd) {
    const bool wasLoading = std::exchange(m_loading, true);
    const int row = m_modelBudgets->rowCount();
    m_modelBudgets->insertRow(row);
    m_modelBudgets->setItem(row, ModelColumn, new QTableWidgetItem(model));
    auto *amount = new QTableWidgetItem;
    amount->setData(Qt::EditRole, usd);
    amount->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_modelBudgets->setItem(row, BudgetColumn, amount);
    m_loading = wasLoading;
    if (!m_loading)
        markEdited();
}

QStringList GatesPage::scopeChoices() const {
    return m_scopes;
}

QWidget *GatesPage::createPasswordGroup() {
    m_passwordGroup = new QGroupBox(tr("Redis password"), this);
    auto *layout = new QVBoxLayout(m_passwordGroup);
    m_password = new SecretField(service(), kRedisPasswordAccount, tr("Paste the Redis password"),
                                 m_passwordGroup);
    layout->addWidget(m_password);
    auto *note = new QLabel(tr("Kept in the keychain, never in the config file. The router uses it "
                               "at once; SIGNALBOX_REDIS_PASSWORD, when set, takes precedence."),
                            m_passwordGroup);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);
    m_passwordGroup->setVisible(false);
    return m_passwordGroup;
}

void GatesPage::loadConfig(const Config &config) {
    m_loading = true;
    const GatesConfig &gates = config.gates;
    m_passwordGroup->setVisible(gates.store.kind == QLatin1String("redis"));
    m_daily->setValue(gates.dailyBudgetUsd);
    m_monthly->setValue(gates.monthlyBudgetUsd);
    if (m_timeZone->findText(gates.timezone) < 0)
        m_timeZone->addItem(gates.timezone);
    m_timeZone->setCurrentText(gates.timezone);
    m_resetHour->setValue(gates.resetHour);
    QStringList percents;
    for (double fraction : gates.warnAt)
        percents << QLocale::c().toString(fraction * 100, 'g', 6);
    m_warnAt->setText(percents.join(QStringLiteral(", ")));
    // A list longer than the field shows its start, not its end where setText() leaves the cursor.
    m_warnAt->setCursorPosition(0);
    m_reserve->setValue(int(qMin<qint64>(gates.reserveOutputTokens, kMaxRate)));

    m_modelIds.clear();
    m_scopes = {QStringLiteral("global")};
    for (const ProviderConfig &provider : config.providers)
        m_scopes << QStringLiteral("provider:") + provider.id;
    for (const ModelConfig &model : config.models) {
        m_modelIds << model.id;
        m_scopes << QStringLiteral("model:") + model.id;
    }
    for (const StageConfig &stage : config.stages)
        m_scopes << QStringLiteral("stage:") + stage.name;

    m_rates->setRowCount(0);
    for (const RateLimitConfig &limit : gates.rateLimits)
        addRateLimit(limit.scope, int(qMin<qint64>(limit.rpm, kMaxRate)),
                     int(qMin<qint64>(limit.tpm, kMaxRate)));
    m_modelBudgets->setRowCount(0);
    for (auto it = gates.modelBudgetsUsd.begin(); it != gates.modelBudgetsUsd.end(); ++it)
        addModelBudget(it.key(), it.value());
    m_rates->resizeColumnsToContents();
    m_rates->horizontalHeader()->setSectionResizeMode(ScopeColumn, QHeaderView::Stretch);
    m_loading = false;
}

QList<double> GatesPage::warnFractions(bool *ok) const {
    *ok = true;
    QList<double> fractions;
    const QStringList parts =
        m_warnAt->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        QString number = part;
        number.remove(QLatin1Char('%'));
        bool isNumber = false;
        double percent = QLocale::c().toDouble(number, &isNumber);
        if (!isNumber)
            percent = QLocale().toDouble(number, &isNumber);
        if (!isNumber) {
            *ok = false;
            continue;
        }
        fractions << percent / 100.0;
    }
    return fractions;
}

QList<ConfigProblem> GatesPage::inputProblems() const {
    bool ok = true;
    warnFractions(&ok);
    if (ok)
        return {};
    return {ConfigProblem{QStringLiteral("gates.warn_at"),
                          tr("not a list of numbers; write percentages such as 50, 80, 95")}};
}

void GatesPage::mergeInto(Config &config) const {
    GatesConfig &gates = config.gates;
    gates.dailyBudgetUsd = m_daily->value();
    gates.monthlyBudgetUsd = m_monthly->value();
    gates.timezone = m_timeZone->currentText();
    gates.resetHour = m_resetHour->value();
    bool ok = true;
    gates.warnAt = warnFractions(&ok);
    gates.reserveOutputTokens = m_reserve->value();

    gates.rateLimits.clear();
    for (int row = 0; row < m_rates->rowCount(); ++row) {
        RateLimitConfig limit;
        limit.scope = m_rates->item(row, ScopeColumn)->text().trimmed();
        limit.rpm = m_rates->item(row, RpmColumn)->data(Qt::EditRole).toLongLong();
        limit.tpm = m_rates->item(row, TpmColumn)->data(Qt::EditRole).toLongLong();
        gates.rateLimits << limit;
    }
    gates.modelBudgetsUsd.clear();
    for (int row = 0; row < m_modelBudgets->rowCount(); ++row) {
        gates.modelBudgetsUsd.insert(
            m_modelBudgets->item(row, ModelColumn)->text(),
            m_modelBudgets->item(row, BudgetColumn)->data(Qt::EditRole).toDouble());
    }
}

QList<ConfigProblem> GatesPage::showProblems(const QList<ConfigProblem> &problems) {
    static const QRegularExpression ratePath(
        QStringLiteral("^gates\\.rate_limits\\[(\\d+)\\]\\.?(\\w*)$"));
    const QHash<QString, QWidget *> fields{
        {QStringLiteral("gates.daily_budget_usd"), m_daily},
        {QStringLiteral("gates.monthly_budget_usd"), m_monthly},
        {QStringLiteral("gates.timezone"), m_timeZone},
        {QStringLiteral("gates.reset_hour"), m_resetHour},
        {QStringLiteral("gates.reserve_output_tokens"), m_reserve}};
    QHash<QWidget *, QStringList> marks;
    QHash<QTableWidgetItem *, QStringList> cells;
    QList<ConfigProblem> unplaced;

    const QString budgetPrefix = QStringLiteral("gates.model_budgets_usd.");
    for (const ConfigProblem &problem : problems) {
        const QRegularExpressionMatch rate = ratePath.match(problem.path);
        if (QWidget *widget = fields.value(problem.path)) {
            marks[widget] << problem.message;
        } else if (problem.path.startsWith(QLatin1String("gates.warn_at"))) {
            marks[m_warnAt] << problem.message;
        } else if (rate.hasMatch() && rate.captured(1).toInt() < m_rates->rowCount()) {
            const int column = rate.captured(2) == QLatin1String("rpm")   ? RpmColumn
                               : rate.captured(2) == QLatin1String("tpm") ? TpmColumn
                                                                          : ScopeColumn;
            cells[m_rates->item(rate.captured(1).toInt(), column)] << problem.message;
        } else if (problem.path.startsWith(budgetPrefix)) {
            const QString model = problem.path.mid(budgetPrefix.size());
            QList<QTableWidgetItem *> found = m_modelBudgets->findItems(model, Qt::MatchExactly);
            found.removeIf(
                [](const QTableWidgetItem *item) { return item->column() != ModelColumn; });
            if (found.isEmpty())
                unplaced << problem;
            else
                cells[found.first()] << problem.message;
        } else {
            unplaced << problem;
        }
    }
    for (QWidget *widget : {static_cast<QWidget *>(m_daily), static_cast<QWidget *>(m_monthly),
                            static_cast<QWidget *>(m_timeZone), static_cast<QWidget *>(m_resetHour),
                            static_cast<QWidget *>(m_warnAt), static_cast<QWidget *>(m_reserve)})
        markInvalid(widget, marks.value(widget));

    m_loading = true;
    for (QTableWidget *table : {m_rates, m_modelBudgets})
        markInvalidCells(table, cells);
    m_loading = false;
    return unplaced;
}

} // namespace signalbox
