// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "configeditorpage.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace signalbox {

class SecretField;

// The console's settings: its language, kept in QSettings and used from the next start, the
// endpoint's listen address, server.listen of the config, which the router binds when it starts,
// and the access token clients must send when server.access_token_ref is set, kept in the
// keychain.
class SettingsPage : public ConfigEditorPage {
    Q_OBJECT

public:
    explicit SettingsPage(RouterService *service, QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }
    QLineEdit *listenEdit() const { return m_listen; }
    QLabel *listenNote() const { return m_listenNote; }
    SecretField *accessToken() const { return m_accessToken; }
    QLabel *accessTokenNote() const { return m_accessTokenNote; }

    // Shows a language chosen elsewhere, such as the View menu, without saving it again. An empty
    // code is the system language.
    void showLanguage(const QString &code);

signals:
    // The user chose a language here, and it was saved. An empty code is the system language.
    void languageChosen(const QString &code);

protected:
    void loadConfig(const Config &config) override;
    void mergeInto(Config &config) const override;
    QList<ConfigProblem> showProblems(const QList<ConfigProblem> &problems) override;

private:
    QWidget *createLanguageGroup();
    QWidget *createEndpointGroup();
    QWidget *createAccessTokenGroup();
    void onLanguageActivated(int index);
    void updateListenNote();

    QComboBox *m_language = nullptr;
    QLineEdit *m_listen = nullptr;
    QLabel *m_endpoint = nullptr;
    QLabel *m_listenNote = nullptr;
    SecretField *m_accessToken = nullptr;
    QLabel *m_accessTokenNote = nullptr;
};

} // namespace signalbox
