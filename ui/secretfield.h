// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "service/servicetypes.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace signalbox {

class RouterService;

// One of Signalbox's own secrets, such as the Redis password, as the console edits it: where the
// value in force comes from and its masked form, a password field with Save and Remove, and the
// outcome of the last operation. Save writes to the keychain, or to the opt-in key file, through
// the service; the operation is asynchronous and the router applies the value at once.
class SecretField : public QWidget {
    Q_OBJECT

public:
    // `account` is kRedisPasswordAccount or kAccessTokenAccount; `placeholder` is the field's
    // hint, e.g. "Paste the password".
    SecretField(RouterService *service, const QString &account, const QString &placeholder,
                QWidget *parent = nullptr);

    QLabel *statusLabel() const { return m_status; }
    QLineEdit *edit() const { return m_edit; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *removeButton() const { return m_remove; }
    QLabel *messageLabel() const { return m_message; }

private:
    void save();
    void showStatus(const KeyStatus &status);
    void onOperation(const QString &account, bool ok, const QString &message);

    RouterService *m_service;
    const QString m_account;
    QLabel *m_status = nullptr;
    QLineEdit *m_edit = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace signalbox
