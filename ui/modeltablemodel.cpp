// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "modeltablemodel.h"

#include "configeditorpage.h"

#include <QApplication>
#include <QLocale>
#include <QPalette>
#include <QRegularExpression>
#include <QStyle>
#include <QUndoCommand>

#include <algorithm>

namespace signalbox {

namespace {

// Sets one cell.
class SetFieldCommand : public QUndoCommand {
public:
    SetFieldCommand(ModelTableModel *table, int row, int column, const QVariant &value)
        : m_table(table)
        , m_row(row)
        , m_column(column)
        , m_before(ModelTableModel::fieldValue(table->models().at(row), column))
        , m_after(value) {
        setText(QObject::tr("edit %1 of %2")
                    .arg(ModelTableModel::columnTitle(column), table->models().at(row).id));
    }

    void undo() override { write(m_before); }
    void redo() override { write(m_after); }

private:
    void write(const QVariant &value) {
        ModelConfig model = m_table->models().at(m_row);
        ModelTableModel::setFieldValue(model, m_column, value);
        m_table->writeRow(m_row, model);
    }

    ModelTableModel *m_table;
    int m_row;
    int m_column;
    QVariant m_before;
    QVariant m_after;
};

// Inserts rows at one position.
class InsertCommand : public QUndoCommand {
public:
    InsertCommand(ModelTableModel *table, int row, QList<ModelConfig> models, const QString &text,
                  QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_table(table)
        , m_row(row)
        , m_models(std::move(models)) {}

    void undo() override { m_table->removeRowsAt(m_row, int(m_models.size())); }
    void redo() override { m_table->insertRowsAt(m_row, m_models); }

private:
    ModelTableModel *m_table;
    int m_row;
    QList<ModelConfig> m_models;
};

// Removes single rows, highest first so that the lower indexes stay valid.
class RemoveCommand : public QUndoCommand {
public:
    RemoveCommand(ModelTableModel *table, QList<int> rows)
        : m_table(table) {
        std::sort(rows.begin(), rows.end(), std::greater<int>());
        for (int row : std::as_const(rows))
            m_removed.append({row, table->models().at(row)});
        setText(QObject::tr("delete models (%1)").arg(rows.size()));
    }

    void undo() override {
        for (auto it = m_removed.crbegin(); it != m_removed.crend(); ++it)
            m_table->insertRowsAt(it->first, {it->second});
    }
    void redo() override {
        for (const auto &[row, model] : std::as_const(m_removed))
            m_table->removeRowsAt(row, 1);
    }

private:
    ModelTableModel *m_table;
    QList<std::pair<int, ModelConfig>> m_removed;
};

// Replaces a whole row, as the price update of an import does.
class ReplaceCommand : public QUndoCommand {
public:
    ReplaceCommand(ModelTableModel *table, int row, const ModelConfig &model, QUndoCommand *parent)
        : QUndoCommand(parent)
        , m_table(table)
        , m_row(row)
        , m_before(table->models().at(row))
        , m_after(model) {}

    void undo() override { m_table->writeRow(m_row, m_before); }
    void redo() override { m_table->writeRow(m_row, m_after); }

private:
    ModelTableModel *m_table;
    int m_row;
    ModelConfig m_before;
    ModelConfig m_after;
};

int columnForField(const QString &field) {
    static const QHash<QString, int> columns{
        {QStringLiteral("id"), ModelTableModel::IdColumn},
        {QStringLiteral("provider"), ModelTableModel::ProviderColumn},
        {QStringLiteral("upstream_id"), ModelTableModel::UpstreamIdColumn},
        {QStringLiteral("price_per_mtok"), ModelTableModel::InputPriceColumn},
        {QStringLiteral("price_per_mtok.input"), ModelTableModel::InputPriceColumn},
        {QStringLiteral("price_per_mtok.output"), ModelTableModel::OutputPriceColumn},
        {QStringLiteral("price_per_mtok.cached_input"), ModelTableModel::CachedInputPriceColumn},
        {QStringLiteral("price_per_mtok.cache_write"), ModelTableModel::CacheWritePriceColumn},
        {QStringLiteral("context_window"), ModelTableModel::ContextWindowColumn},
        {QStringLiteral("max_output_tokens"), ModelTableModel::MaxOutputColumn},
        {QStringLiteral("reasoning_output_factor"), ModelTableModel::ReasoningFactorColumn},
        {QStringLiteral("quality"), ModelTableModel::QualityColumn},
        {QStringLiteral("strengths"), ModelTableModel::StrengthsColumn},
        {QStringLiteral("capabilities"), ModelTableModel::CapabilitiesColumn},
    };
    // "capabilities[2]" marks the capabilities cell.
    QString key = field;
    key.remove(QRegularExpression(QStringLiteral("\\[\\d+\\]$")));
    return columns.value(key.isEmpty() ? QStringLiteral("id") : key, -1);
}

// Shows at least two decimals and up to four, without trailing zeros: $0.15, $0.075, $0.0125.
QString priceText(double usd) {
    const QLocale locale;
    QString text = locale.toString(usd, 'f', 4);
    const QString point = locale.decimalPoint();
    const qsizetype decimals = text.size() - text.lastIndexOf(point) - point.size();
    for (qsizetype drop = 0; drop < decimals - 2 && text.endsWith(locale.zeroDigit()); ++drop)
        text.chop(1);
    return QStringLiteral("$") + text;
}

} // namespace

ModelTableModel::ModelTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_undoStack(this) {
}

void ModelTableModel::setModels(const QList<ModelConfig> &models) {
    beginResetModel();
    m_models = models;
    m_problems.clear();
    endResetModel();
    m_undoStack.clear();
}

QList<ConfigProblem> ModelTableModel::setProblems(const QList<ConfigProblem> &problems) {
    static const QRegularExpression pattern(QStringLiteral("^models\\[(\\d+)\\]\\.?(.*)$"));
    m_problems.clear();
    QList<ConfigProblem> unplaced;
    for (const ConfigProblem &problem : problems) {
        const QRegularExpressionMatch match = pattern.match(problem.path);
        const int row = match.hasMatch() ? match.captured(1).toInt() : -1;
        const int column = match.hasMatch() ? columnForField(match.captured(2)) : -1;
        if (row < 0 || row >= m_models.size() || column < 0) {
            unplaced << problem;
            continue;
        }
        m_problems[{row, column}] << problem.message;
    }
    if (!m_models.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {Qt::ToolTipRole, Qt::BackgroundRole, Qt::DecorationRole});
    return unplaced;
}

QStringList ModelTableModel::problemsAt(int row, int column) const {
    return m_problems.value({row, column});
}

void ModelTableModel::addModel(const QString &provider) {
    ModelConfig model;
    model.id = uniqueId(QStringLiteral("new-model"));
    model.provider = provider;
    model.upstreamId = model.id;
    model.contextWindow = 128000;
    m_undoStack.push(
        new InsertCommand(this, rowCount(), {model}, tr("add model %1").arg(model.id)));
}

void ModelTableModel::duplicateModel(int row) {
    if (row < 0 || row >= rowCount())
        return;
    ModelConfig copy = m_models.at(row);
    copy.id = uniqueId(copy.id + QStringLiteral("-copy"));
    m_undoStack.push(new InsertCommand(this, row + 1, {copy},
                                       tr("duplicate model %1").arg(m_models.at(row).id)));
}

void ModelTableModel::removeModels(QList<int> rows) {
    rows.removeIf([this](int row) { return row < 0 || row >= rowCount(); });
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (!rows.isEmpty())
        m_undoStack.push(new RemoveCommand(this, rows));
}

void ModelTableModel::importModels(const QList<ModelConfig> &added,
                                   const QHash<int, ModelConfig> &updated) {
    if (added.isEmpty() && updated.isEmpty())
        return;
    auto *macro = new QUndoCommand(
        tr("import from a price catalog (%1 models)").arg(added.size() + updated.size()));
    for (auto it = updated.begin(); it != updated.end(); ++it)
        new ReplaceCommand(this, it.key(), it.value(), macro);
    if (!added.isEmpty())
        new InsertCommand(this, rowCount(), added, {}, macro);
    m_undoStack.push(macro);
}

int ModelTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_models.size());
}

int ModelTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_models.size())
        return {};
    const ModelConfig &model = m_models.at(index.row());
    const QStringList problems = m_problems.value({index.row(), index.column()});

    switch (role) {
    case Qt::DisplayRole:
        return displayText(model, index.column());
    case Qt::EditRole:
        return fieldValue(model, index.column());
    case Qt::ToolTipRole:
        // A narrow column elides a long list, so its tooltip shows it whole.
        if (problems.isEmpty() &&
            (index.column() == StrengthsColumn || index.column() == CapabilitiesColumn))
            return displayText(model, index.column());
        return problems.isEmpty() ? QVariant() : QVariant(problemTooltip(problems));
    case Qt::BackgroundRole:
        return problems.isEmpty() ? QVariant()
                                  : QVariant(invalidCellColor(QApplication::palette()));
    case Qt::DecorationRole:
        if (problems.isEmpty())
            return {};
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    case Qt::TextAlignmentRole:
        if (index.column() >= InputPriceColumn && index.column() <= QualityColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::AccessibleDescriptionRole:
        return problems.isEmpty() ? QVariant() : QVariant(problemTooltip(problems));
    default:
        return {};
    }
}

QString ModelTableModel::displayText(const ModelConfig &model, int column) const {
    const QLocale locale;
    switch (column) {
    case InputPriceColumn:
        return priceText(model.price.input);
    case OutputPriceColumn:
        return priceText(model.price.output);
    case CachedInputPriceColumn:
        return priceText(model.price.cachedInput);
    case CacheWritePriceColumn:
        return priceText(model.price.cacheWrite);
    case ContextWindowColumn:
        return locale.toString(model.contextWindow);
    case MaxOutputColumn:
        return model.maxOutputTokens == 0 ? tr("unknown") : locale.toString(model.maxOutputTokens);
    case ReasoningFactorColumn:
        return locale.toString(model.reasoningOutputFactor, 'g', 6);
    case StrengthsColumn:
        return model.strengths.join(QStringLiteral(", "));
    case CapabilitiesColumn:
        return model.capabilities.join(QStringLiteral(", "));
    default:
        return fieldValue(model, column).toString();
    }
}

QVariant ModelTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        if (section >= InputPriceColumn && section <= CacheWritePriceColumn)
            return tr("USD per million tokens");
        if (section == ContextWindowColumn || section == MaxOutputColumn)
            return tr("tokens");
        if (section == ReasoningFactorColumn)
            return tr("Hidden reasoning tokens the model spends per visible output token, 0 to "
                      "100.\nThey are billed as output; automatic routing and budget reservations "
                      "count them.\n0 means the model does not reason unless a request asks it "
                      "to.");
        if (section == QualityColumn)
            return tr("0 to 100, higher is better; automatic routing weighs it against price");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    // The values of the numeric columns are narrower than their titles, so each word of such a
    // title gets its own line. That keeps every column beside the sidebar in a window 1280
    // pixels wide.
    QString title = columnTitle(section);
    if (section >= InputPriceColumn && section <= QualityColumn)
        title.replace(QLatin1Char(' '), QLatin1Char('\n'));
    return title;
}

QString ModelTableModel::columnTitle(int section) {
    switch (section) {
    case IdColumn:
        return tr("Model id");
    case ProviderColumn:
        return tr("Provider");
    case UpstreamIdColumn:
        return tr("Upstream id");
    case InputPriceColumn:
        return tr("Input");
    case OutputPriceColumn:
        return tr("Output");
    case CachedInputPriceColumn:
        return tr("Cache read");
    case CacheWritePriceColumn:
        return tr("Cache write");
    case ContextWindowColumn:
        return tr("Context");
    case MaxOutputColumn:
        return tr("Max output");
    case ReasoningFactorColumn:
        return tr("Reasoning ×");
    case QualityColumn:
        return tr("Quality");
    case StrengthsColumn:
        return tr("Strengths");
    case CapabilitiesColumn:
        return tr("Capabilities");
    default:
        return {};
    }
}

Qt::ItemFlags ModelTableModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool ModelTableModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_models.size())
        return false;
    const QVariant before = fieldValue(m_models.at(index.row()), index.column());
    ModelConfig probe = m_models.at(index.row());
    setFieldValue(probe, index.column(), value);
    if (fieldValue(probe, index.column()) == before)
        return false;
    m_undoStack.push(new SetFieldCommand(this, index.row(), index.column(), value));
    return true;
}

QVariant ModelTableModel::fieldValue(const ModelConfig &model, int column) {
    switch (column) {
    case IdColumn:
        return model.id;
    case ProviderColumn:
        return model.provider;
    case UpstreamIdColumn:
        return model.upstreamId;
    case InputPriceColumn:
        return model.price.input;
    case OutputPriceColumn:
        return model.price.output;
    case CachedInputPriceColumn:
        return model.price.cachedInput;
    case CacheWritePriceColumn:
        return model.price.cacheWrite;
    case ContextWindowColumn:
        return model.contextWindow;
    case MaxOutputColumn:
        return model.maxOutputTokens;
    case ReasoningFactorColumn:
        return model.reasoningOutputFactor;
    case QualityColumn:
        return model.quality;
    case StrengthsColumn:
        return model.strengths;
    case CapabilitiesColumn:
        return model.capabilities;
    default:
        return {};
    }
}

void ModelTableModel::setFieldValue(ModelConfig &model, int column, const QVariant &value) {
    switch (column) {
    case IdColumn:
        model.id = value.toString().trimmed();
        break;
    case ProviderColumn:
        model.provider = value.toString();
        break;
    case UpstreamIdColumn:
        model.upstreamId = value.toString().trimmed();
        break;
    case InputPriceColumn:
        model.price.input = value.toDouble();
        break;
    case OutputPriceColumn:
        model.price.output = value.toDouble();
        break;
    case CachedInputPriceColumn:
        model.price.cachedInput = value.toDouble();
        break;
    case CacheWritePriceColumn:
        model.price.cacheWrite = value.toDouble();
        break;
    case ContextWindowColumn:
        model.contextWindow = value.toLongLong();
        break;
    case MaxOutputColumn:
        model.maxOutputTokens = value.toLongLong();
        break;
    case ReasoningFactorColumn:
        model.reasoningOutputFactor = value.toDouble();
        break;
    case QualityColumn:
        model.quality = value.toInt();
        break;
    case StrengthsColumn:
        model.strengths = value.toStringList();
        break;
    case CapabilitiesColumn:
        model.capabilities = value.toStringList();
        break;
    default:
        break;
    }
}

void ModelTableModel::writeRow(int row, const ModelConfig &model) {
    m_models[row] = model;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit edited();
}

void ModelTableModel::insertRowsAt(int row, const QList<ModelConfig> &models) {
    beginInsertRows({}, row, row + int(models.size()) - 1);
    for (qsizetype i = 0; i < models.size(); ++i)
        m_models.insert(row + i, models.at(i));
    endInsertRows();
    emit edited();
}

void ModelTableModel::removeRowsAt(int row, int count) {
    beginRemoveRows({}, row, row + count - 1);
    m_models.remove(row, count);
    endRemoveRows();
    emit edited();
}

QString ModelTableModel::uniqueId(const QString &base) const {
    const auto isTaken = [this](const QString &id) {
        return std::any_of(m_models.begin(), m_models.end(),
                           [&id](const ModelConfig &model) { return model.id == id; });
    };
    QString id = base;
    for (int suffix = 2; isTaken(id); ++suffix)
        id = base + QLatin1Char('-') + QString::number(suffix);
    return id;
}

} // namespace signalbox
