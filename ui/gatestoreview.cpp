// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gatestoreview.h"

#include "consoleicons.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace signalbox {

namespace {

constexpr int LampSize = 14;

QLabel *valueLabel(QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

GateStoreView::GateStoreView(QWidget *parent)
    : QGroupBox(tr("Gate store"), parent)
    , m_form(new QFormLayout(this))
    , m_lamp(new QLabel(this))
    , m_kind(valueLabel(this))
    , m_health(valueLabel(this))
    , m_policy(valueLabel(this))
    , m_instances(valueLabel(this))
    , m_pending(valueLabel(this)) {
    setAccessibleName(tr("Gate store status"));
    m_form->addRow(tr("Store:"), m_kind);
    auto *healthRow = new QHBoxLayout;
    healthRow->addWidget(m_lamp);
    healthRow->addWidget(m_health, 1);
    m_form->addRow(tr("Health:"), healthRow);
    m_form->addRow(tr("When unreachable:"), m_policy);
    m_form->addRow(tr("Instances reporting:"), m_instances);
    m_form->addRow(tr("Pending settlements:"), m_pending);

    auto *note = new QLabel(tr("The store is chosen in gates.store of the config file and "
                               "changes when Signalbox restarts."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    m_form->addRow(note);

    m_kind->setText(tr("Waiting for the router…"));
}

void GateStoreView::setStatus(const GateStoreStatus &status) {
    m_hasStatus = true;
    const bool shared = status.kind == QLatin1String("redis");
    const QLocale locale;

    m_kind->setText(
        shared
            ? tr("Redis at %1, shared by every instance with the same prefix").arg(status.endpoint)
            : tr("In memory, this process only"));
    m_lamp->setPixmap(ConsoleIcons::lamp(status.healthy ? GateState::Ok : GateState::Tripped)
                          .pixmap(LampSize, LampSize));
    m_health->setText(healthText(status));
    // The memory store lives in this process: it cannot be unreachable and settles at once.
    m_form->setRowVisible(m_policy, shared);
    m_form->setRowVisible(m_pending, shared);
    m_policy->setText(policyText(status.policy));
    m_instances->setText(
        status.instancesReporting < 0 ? tr("unknown") : locale.toString(status.instancesReporting));
    m_pending->setText(locale.toString(status.pendingSettlements));
}

QString GateStoreView::healthText(const GateStoreStatus &status) const {
    if (status.healthy)
        return tr("Healthy");
    if (status.error.isEmpty())
        return tr("Unreachable");
    return tr("Unreachable: %1").arg(status.error);
}

QString GateStoreView::policyText(const QString &policy) const {
    if (policy == QLatin1String("open"))
        return tr("Requests pass, held to this instance's own counters (open)");
    return tr("Requests are rejected with 503 (closed)");
}

} // namespace signalbox
