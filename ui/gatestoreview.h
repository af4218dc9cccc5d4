// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "gating/gatestore.h"

#include <QGroupBox>

class QFormLayout;
class QLabel;

namespace signalbox {

// The gate store in force, as GET /api/gates reports it: memory or Redis, whether it is
// reachable, what requests get while it is not, and how many instances share it.
class GateStoreView : public QGroupBox {
    Q_OBJECT

public:
    explicit GateStoreView(QWidget *parent = nullptr);

    void setStatus(const GateStoreStatus &status);
    // False until the first gate snapshot arrived.
    bool hasStatus() const { return m_hasStatus; }

    QLabel *kindLabel() const { return m_kind; }
    QLabel *healthLabel() const { return m_health; }
    QLabel *policyLabel() const { return m_policy; }
    QLabel *instancesLabel() const { return m_instances; }
    QLabel *pendingLabel() const { return m_pending; }

private:
    QString healthText(const GateStoreStatus &status) const;
    QString policyText(const QString &policy) const;

    QFormLayout *m_form;
    QLabel *m_lamp;
    QLabel *m_kind;
    QLabel *m_health;
    QLabel *m_policy;
    QLabel *m_instances;
    QLabel *m_pending;
    bool m_hasStatus = false;
};

} // namespace signalbox
