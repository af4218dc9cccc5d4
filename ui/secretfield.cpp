// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "secretfield.h"

#include "secrets/keylookup.h"
#include "service/routerservice.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace signalbox {

SecretField::SecretField(RouterService *service, const QString &account, const QString &placeholder,
                         QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_account(account) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *row = new QHBoxLayout;
    m_edit = new QLineEdit(this);
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setPlaceholderText(placeholder);
    m_edit->setAccessibleName(placeholder);
    m_save = new QPushButton(tr("Save"), this);
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setToolTip(tr("Remove the stored value; a value in the environment variable stays"));
    row->addWidget(m_edit, 1);
    row->addWidget(m_save);
    row->addWidget(m_remove);
    layout->addLayout(row);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    connect(m_save, &QPushButton::clicked, this, &SecretField::save);
    connect(m_edit, &QLineEdit::returnPressed, m_save, &QPushButton::click);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        m_message->setText(tr("Removing…"));
        m_service->removeKey(m_account);
    });
    connect(service, &RouterService::keyStatusChanged, this, &SecretField::showStatus);
    connect(service, &RouterService::keyOperationFinished, this, &SecretField::onOperation);
    showStatus(service->keyStatus(account));
}

void SecretField::save() {
    m_message->setText(tr("Saving…"));
    m_service->storeKey(m_account, m_edit->text());
}

void SecretField::showStatus(const KeyStatus &status) {
    if (status.providerId != m_account)
        return;
    const QString masked = QStringLiteral("<code>%1</code>").arg(status.maskedKey.toHtmlEscaped());
    switch (status.source) {
    case KeySource::None:
        m_status->setText(
            tr("<b>Not set.</b> Save it here or set %1.").arg(serviceSecretVariable(m_account)));
        break;
    case KeySource::Keychain:
        m_status->setText(tr("Stored in the keychain: %1").arg(masked));
        break;
    case KeySource::File:
        m_status->setText(tr("Stored in the key file: %1").arg(masked));
        break;
    case KeySource::SignalboxVariable:
    case KeySource::ProviderVariable:
        m_status->setText(
            status.stored
                ? tr("From the environment variable %1: %2. It takes precedence "
                     "over the stored value.")
                      .arg(status.variable, masked)
                : tr("From the environment variable %1: %2.").arg(status.variable, masked));
        break;
    }
    m_remove->setEnabled(status.stored);
}

void SecretField::onOperation(const QString &account, bool ok, const QString &message) {
    if (account != m_account)
        return;
    if (ok)
        m_edit->clear();
    m_message->setText(ok ? message : QStringLiteral("<b>%1</b>").arg(message.toHtmlEscaped()));
}

} // namespace signalbox
