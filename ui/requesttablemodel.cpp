// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "requesttablemodel.h"

#include "consoletext.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace signalbox {

RequestTableModel::RequestTableModel(QObject *parent)
    : QAbstractTableModel(parent) {
}

void RequestTableModel::setRecords(const QList<LedgerRecord> &records) {
    beginResetModel();
    m_records = records.mid(0, kMaxRows);
    endResetModel();
}

void RequestTableModel::addRecord(const LedgerRecord &record) {
    beginInsertRows({}, 0, 0);
    m_records.prepend(record);
    endInsertRows();
    if (m_records.size() > kMaxRows) {
        beginRemoveRows({}, kMaxRows, int(m_records.size()) - 1);
        m_records.resize(kMaxRows);
        endRemoveRows();
    }
}

int RequestTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_records.size());
}

int RequestTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestTableModel::displayText(const LedgerRecord &record, int column) const {
    switch (column) {
    case Time:
        return record.time.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    case Stage:
        return record.stage.isEmpty() ? QStringLiteral("–") : record.stage;
    case Route:
        return record.route;
    case Model:
        return record.model;
    case Tokens:
        return tr("%1 → %2%3")
            .arg(QLocale().toString(record.usage.inputTokens),
                 QLocale().toString(record.usage.outputTokens),
                 record.usage.estimated ? tr(" (est.)") : QString());
    case Cost:
        return ConsoleText::usd(record.costUsd);
    case Latency:
        return tr("%1 ms").arg(QLocale().toString(record.latencyMs));
    case Status:
        return record.httpStatus > 0
                   ? QStringLiteral("%1 %2").arg(record.httpStatus).arg(record.status)
                   : record.status;
    }
    return {};
}

QVariant RequestTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const LedgerRecord &record = m_records.at(index.row());

    if (role == Qt::DisplayRole)
        return displayText(record, index.column());
    if (role == Qt::TextAlignmentRole &&
        (index.column() == Tokens || index.column() == Cost || index.column() == Latency))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Status &&
        record.status != QLatin1String("ok"))
        return QBrush(QColor(0xc6, 0x28, 0x28));
    if (role == Qt::ToolTipRole)
        return record.trace.join(QLatin1Char('\n'));
    return {};
}

QVariant RequestTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Stage:
        return tr("Stage");
    case Route:
        return tr("Route");
    case Model:
        return tr("Model");
    case Tokens:
        return tr("Tokens in → out");
    case Cost:
        return tr("Cost");
    case Latency:
        return tr("Latency");
    case Status:
        return tr("Status");
    }
    return {};
}

} // namespace signalbox
