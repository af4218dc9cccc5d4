// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "ledger/ledgerreader.h"

#include <QWidget>

namespace signalbox {

// Spend by model or by stage as labelled horizontal bars, highest first; the rest beyond the
// first few rows is summed up in one "other" row.
class SpendBreakdown : public QWidget {
    Q_OBJECT

public:
    enum class Kind { Model, Stage };

    explicit SpendBreakdown(Kind kind, QWidget *parent = nullptr);

    void setBuckets(const QList<UsageBucket> &buckets);
    const QList<UsageBucket> &rows() const { return m_rows; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static constexpr int MaxRows = 7;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString label(const UsageBucket &bucket) const;
    QString amount(const UsageBucket &bucket) const;
    int rowHeight() const;

    Kind m_kind;
    QList<UsageBucket> m_rows;
};

} // namespace signalbox
