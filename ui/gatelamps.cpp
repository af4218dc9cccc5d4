// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gatelamps.h"

#include "consoleicons.h"
#include "consoletext.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace signalbox {

namespace {

constexpr int LampsPerRow = 4;
constexpr int LampSize = 22;

} // namespace

// A label that shortens its text with "…" to the width it gets, instead of widening its window:
// the title of a rate limit on a long model id would otherwise widen the whole dashboard.
class ElidedLabel : public QLabel {
public:
    using QLabel::QLabel;

    void setFullText(const QString &text) {
        m_fullText = text;
        updateText();
    }

    QSize sizeHint() const override {
        return {fontMetrics().horizontalAdvance(m_fullText), QLabel::sizeHint().height()};
    }
    QSize minimumSizeHint() const override { return {0, QLabel::minimumSizeHint().height()}; }

protected:
    void resizeEvent(QResizeEvent *event) override {
        QLabel::resizeEvent(event);
        updateText();
    }

private:
    void updateText() { setText(fontMetrics().elidedText(m_fullText, Qt::ElideRight, width())); }

    QString m_fullText;
};

GateLamp::GateLamp(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new ElidedLabel(this))
    , m_usage(new ElidedLabel(this)) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    m_icon->setFixedSize(LampSize, LampSize);
    layout->addWidget(m_icon);

    auto *text = new QVBoxLayout;
    text->setSpacing(0);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_usage->setForegroundRole(QPalette::PlaceholderText);
    text->addWidget(m_title);
    text->addWidget(m_usage);
    layout->addLayout(text, 1);
    setFocusPolicy(Qt::TabFocus);
}

void GateLamp::setGate(const GateStatus &gate) {
    m_gate = gate;
    m_icon->setPixmap(ConsoleIcons::lamp(gate.state).pixmap(LampSize, LampSize));
    m_title->setFullText(ConsoleText::gateTitle(gate));

    const double used = isBudgetGate(gate) ? gate.spent + gate.reserved : gate.spent;
    const double fraction = gate.limit > 0 ? used / gate.limit : 0;
    m_usage->setFullText(tr("%1 · %2 of %3")
                             .arg(ConsoleText::gateStateName(gate.state),
                                  ConsoleText::percent(fraction),
                                  ConsoleText::gateAmount(gate, gate.limit)));
    setToolTip(ConsoleText::gateDetails(gate));
    setAccessibleName(
        tr("%1: %2").arg(ConsoleText::gateTitle(gate), ConsoleText::gateStateName(gate.state)));
    setAccessibleDescription(toolTip());
}

GateLampsView::GateLampsView(QWidget *parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this))
    , m_empty(new QLabel(tr("No gates are configured: add a budget or rate limit to the "
                            "config's gates section."),
                         this)) {
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(24);
    m_grid->setVerticalSpacing(8);
    m_empty->setWordWrap(true);
    m_grid->addWidget(m_empty, 0, 0, 1, LampsPerRow);
    for (int column = 0; column < LampsPerRow; ++column)
        m_grid->setColumnStretch(column, 1);
}

void GateLampsView::setSnapshot(const GateSnapshot &snapshot) {
    while (m_lamps.size() > snapshot.gates.size())
        delete m_lamps.takeLast();
    while (m_lamps.size() < snapshot.gates.size()) {
        auto *lamp = new GateLamp(this);
        const int index = int(m_lamps.size());
        m_grid->addWidget(lamp, 1 + index / LampsPerRow, index % LampsPerRow);
        m_lamps.append(lamp);
    }
    for (qsizetype i = 0; i < snapshot.gates.size(); ++i)
        m_lamps.at(i)->setGate(snapshot.gates.at(i));
    m_empty->setVisible(m_lamps.isEmpty());
}

// Computed from the lamps' own size, because lamps just added to a visible view are shown only
// later, and until then the layout leaves them out of its size.
int GateLampsView::heightForRows(int maxRows) const {
    if (m_lamps.isEmpty())
        return m_empty->sizeHint().height();
    const int rows = std::min<int>(maxRows, int(m_lamps.size() + LampsPerRow - 1) / LampsPerRow);
    return rows * m_lamps.first()->sizeHint().height() + (rows - 1) * m_grid->verticalSpacing();
}

GateLamp *GateLampsView::lamp(const QString &gateId) const {
    for (GateLamp *lamp : m_lamps) {
        if (lamp->gate().id == gateId)
            return lamp;
    }
    return nullptr;
}

} // namespace signalbox
