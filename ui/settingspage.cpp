// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "settingspage.h"

#include "dashboardpage.h"
#include "languages.h"
#include "secretfield.h"
#include "secrets/keylookup.h"
#include "service/routerservice.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace signalbox {

namespace {

QLabel *noteLabel(const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

SettingsPage::SettingsPage(RouterService *service, QWidget *parent)
    : ConfigEditorPage(service, tr("Settings"),
                       tr("The console's language and the address the endpoint listens on."),
                       parent) {
    setObjectName(QStringLiteral("settings"));
    contentLayout()->addWidget(createLanguageGroup());
    contentLayout()->addWidget(createEndpointGroup());
    contentLayout()->addWidget(createAccessTokenGroup());
    contentLayout()->addStretch(1);

    connect(m_listen, &QLineEdit::textEdited, this, [this] {
        updateListenNote();
        markEdited();
    });
    connect(service, &RouterService::ready, this,
            [this](const QUrl &endpoint) { m_endpoint->setText(baseUrlText(endpoint)); });
    if (!service->endpoint().isEmpty())
        m_endpoint->setText(baseUrlText(service->endpoint()));
}

QWidget *SettingsPage::createLanguageGroup() {
    auto *group = new QGroupBox(tr("Language"), this);
    auto *form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_language = new QComboBox(group);
    m_language->setAccessibleName(tr("Console language"));
    m_language->setMinimumWidth(220);
    m_language->addItem(tr("System language"), QString());
    for (const Language &language : consoleLanguages())
        m_language->addItem(language.nativeName, language.code);
    showLanguage(savedLanguage());
    connect(m_language, &QComboBox::activated, this, &SettingsPage::onLanguageActivated);
    form->addRow(tr("Console &language:"), m_language);
    form->addRow(noteLabel(tr("The language changes when Signalbox starts again. The "
                              "--language option overrides this choice."),
                           group));
    return group;
}

QWidget *SettingsPage::createEndpointGroup() {
    auto *group = new QGroupBox(tr("Endpoint"), this);
    auto *form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_endpoint = new QLabel(tr("not running"), group);
    m_endpoint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Base URL now:"), m_endpoint);

    m_listen = new QLineEdit(group);
    m_listen->setAccessibleName(tr("Listen address"));
    m_listen->setPlaceholderText(QStringLiteral("127.0.0.1:8765"));
    m_listen->setToolTip(tr("HOST:PORT with an IP address; port 0 picks a free port"));
    m_listen->setMinimumWidth(220);
    form->addRow(tr("Listen &address:"), m_listen);

    m_listenNote = noteLabel(QString(), group);
    form->addRow(m_listenNote);
    return group;
}

// The field is always shown, so that the token can be stored before the config requires it.
QWidget *SettingsPage::createAccessTokenGroup() {
    auto *group = new QGroupBox(tr("Access token"), this);
    auto *layout = new QVBoxLayout(group);
    m_accessToken = new SecretField(service(), kAccessTokenAccount,
                                    tr("Paste the access token clients must send"), group);
    layout->addWidget(m_accessToken);
    m_accessTokenNote = noteLabel(QString(), group);
    layout->addWidget(m_accessTokenNote);
    return group;
}

void SettingsPage::showLanguage(const QString &code) {
    const int index = m_language->findData(code);
    m_language->setCurrentIndex(qMax(0, index));
}

void SettingsPage::onLanguageActivated(int index) {
    const QString code = m_language->itemData(index).toString();
    if (code == savedLanguage())
        return;
    saveLanguage(code);
    showStatus(tr("Language saved; it changes when Signalbox starts again."));
    emit languageChosen(code);
}

void SettingsPage::loadConfig(const Config &config) {
    m_listen->setText(config.server.listen);
    updateListenNote();
    m_accessTokenNote->setText(
        config.server.accessTokenRef.isEmpty()
            ? tr("The endpoint requires no token now. It requires this one once "
                 "server.access_token_ref is set in the config.")
            : tr("server.access_token_ref is set: every request except GET /health must send "
                 "this token as \"Authorization: Bearer TOKEN\". SIGNALBOX_ACCESS_TOKEN, when "
                 "set, takes precedence."));
}

void SettingsPage::mergeInto(Config &config) const {
    config.server.listen = m_listen->text().trimmed();
}

QList<ConfigProblem> SettingsPage::showProblems(const QList<ConfigProblem> &problems) {
    QStringList messages;
    QList<ConfigProblem> unplaced;
    for (const ConfigProblem &problem : problems) {
        if (problem.path == QLatin1String("server.listen"))
            messages << problem.message;
        else
            unplaced << problem;
    }
    markInvalid(m_listen, messages);
    return unplaced;
}

// The router binds its address only when it starts, and --listen replaces the config's address.
void SettingsPage::updateListenNote() {
    QStringList lines;
    lines << tr("The router listens on a new address when Signalbox starts again.");
    if (!service()->options().listen.isEmpty())
        lines << tr("This run was started with --listen %1, which overrides this address.")
                     .arg(service()->options().listen);

    const std::optional<ListenAddress> address = parseListenAddress(m_listen->text().trimmed());
    QString host = address ? address->host : QString();
    host.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    const bool loopback = host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
    if (address && !loopback)
        lines << tr("This address is reachable from other machines, which could then spend your "
                    "budget.");
    m_listenNote->setText(lines.join(QLatin1Char('\n')));
}

} // namespace signalbox
