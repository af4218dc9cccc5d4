// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "ledger/ledgerrecord.h"

#include <QAbstractTableModel>
#include <QList>

namespace signalbox {

// The latest requests, newest first, capped so a long session does not grow without bound.
class RequestTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Time, Stage, Route, Model, Tokens, Cost, Latency, Status, ColumnCount };

    explicit RequestTableModel(QObject *parent = nullptr);

    void setRecords(const QList<LedgerRecord> &records);
    void addRecord(const LedgerRecord &record);
    const LedgerRecord &record(int row) const { return m_records.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static constexpr int kMaxRows = 500;

private:
    QVariant displayText(const LedgerRecord &record, int column) const;

    QList<LedgerRecord> m_records;
};

} // namespace signalbox
