// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "spendbreakdown.h"

#include "consoletext.h"

#include <QLocale>
#include <QPainter>

#include <algorithm>

namespace signalbox {

SpendBreakdown::SpendBreakdown(Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAccessibleName(kind == Kind::Model ? tr("Spend by model") : tr("Spend by stage"));
}

void SpendBreakdown::setBuckets(const QList<UsageBucket> &buckets) {
    m_rows = buckets.mid(0, MaxRows);
    if (buckets.size() > MaxRows) {
        UsageBucket other;
        other.key = tr("(other)");
        for (qsizetype i = MaxRows; i < buckets.size(); ++i) {
            other.costUsd += buckets.at(i).costUsd;
            other.requests += buckets.at(i).requests;
        }
        m_rows.append(other);
    }
    QStringList lines;
    for (const UsageBucket &row : std::as_const(m_rows))
        lines << label(row) + QLatin1String(": ") + amount(row);
    setAccessibleDescription(lines.join(QLatin1Char('\n')));
    updateGeometry();
    update();
}

QString SpendBreakdown::label(const UsageBucket &bucket) const {
    if (m_kind == Kind::Stage)
        return ConsoleText::stageName(bucket.key);
    return bucket.key.isEmpty() ? tr("(no model)") : bucket.key;
}

QString SpendBreakdown::amount(const UsageBucket &bucket) const {
    return tr("%1 · %n request(s)", nullptr, int(bucket.requests))
        .arg(ConsoleText::usdShort(bucket.costUsd));
}

int SpendBreakdown::rowHeight() const {
    return fontMetrics().height() + 10;
}

QSize SpendBreakdown::sizeHint() const {
    return {320, rowHeight() * std::max<int>(int(m_rows.size()), 3)};
}

QSize SpendBreakdown::minimumSizeHint() const {
    return {220, rowHeight() * std::max<int>(int(m_rows.size()), 1)};
}

void SpendBreakdown::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_rows.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No spend yet today"));
        return;
    }

    double maxCost = 0;
    int amountWidth = 0;
    for (const UsageBucket &row : std::as_const(m_rows)) {
        maxCost = std::max(maxCost, row.costUsd);
        amountWidth = std::max(amountWidth, fontMetrics().horizontalAdvance(amount(row)));
    }
    const int labelWidth = std::min(width() / 3, 170);
    const int barLeft = labelWidth + 8;
    const int barWidth = std::max(10, width() - barLeft - amountWidth - 12);
    const QColor bar = palette().color(QPalette::Highlight);

    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const UsageBucket &row = m_rows.at(i);
        const QRect line(0, int(i) * rowHeight(), width(), rowHeight());
        painter.setPen(palette().color(QPalette::WindowText));
        const QString name = fontMetrics().elidedText(label(row), Qt::ElideRight, labelWidth);
        painter.drawText(QRect(0, line.y(), labelWidth, line.height()),
                         Qt::AlignVCenter | Qt::AlignLeft, name);

        const double share = maxCost > 0 ? row.costUsd / maxCost : 0;
        const QRectF filled(barLeft, line.y() + 4, std::max(2.0, barWidth * share),
                            line.height() - 8);
        painter.setPen(Qt::NoPen);
        painter.setBrush(bar);
        painter.drawRoundedRect(filled, 2, 2);

        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(barLeft + barWidth + 8, line.y(), amountWidth + 4, line.height()),
                         Qt::AlignVCenter | Qt::AlignLeft, amount(row));
    }
}

} // namespace signalbox
