// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "languages.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace signalbox {

namespace {

const QString LanguageKey = QStringLiteral("language");
const QString English = QStringLiteral("en");

// The translators in force; replaced as a whole when the language changes.
struct InstalledTranslators {
    std::unique_ptr<QTranslator> console;
    std::unique_ptr<QTranslator> qt;
};

InstalledTranslators &installed() {
    static InstalledTranslators translators;
    return translators;
}

void removeInstalled() {
    InstalledTranslators &translators = installed();
    for (auto *translator : {translators.console.get(), translators.qt.get()}) {
        if (translator)
            QCoreApplication::removeTranslator(translator);
    }
    translators.console.reset();
    translators.qt.reset();
}

} // namespace

QList<Language> consoleLanguages() {
    return {{English, QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

bool isConsoleLanguage(const QString &code) {
    for (const Language &language : consoleLanguages()) {
        if (language.code == code)
            return true;
    }
    return false;
}

QString savedLanguage() {
    const QString code = QSettings().value(LanguageKey).toString();
    return isConsoleLanguage(code) ? code : QString();
}

void saveLanguage(const QString &code) {
    QSettings settings;
    if (code.isEmpty())
        settings.remove(LanguageKey);
    else
        settings.setValue(LanguageKey, code);
}

QString chooseLanguage(const QString &override) {
    if (!override.isEmpty())
        return override;
    if (const QString saved = savedLanguage(); !saved.isEmpty())
        return saved;

    // uiLanguages() lists e.g. "zh-Hans-CN", "zh-CN", "zh", "de-DE", "de", most preferred first.
    const QStringList system = QLocale::system().uiLanguages();
    for (const QString &entry : system) {
        const QString tag = QString(entry).replace(QLatin1Char('-'), QLatin1Char('_'));
        if (tag == English || tag.startsWith(QLatin1String("en_")))
            return English;
        if (tag == QLatin1String("de") || tag.startsWith(QLatin1String("de_")))
            return QStringLiteral("de");
        if (tag == QLatin1String("zh_CN") || tag == QLatin1String("zh_Hans") ||
            tag.startsWith(QLatin1String("zh_Hans_")) || tag == QLatin1String("zh"))
            return QStringLiteral("zh_CN");
    }
    return English;
}

bool installLanguage(const QString &code) {
    removeInstalled();
    if (!isConsoleLanguage(code))
        return false;

    // English has a translation too, for its plural forms only.
    auto console = std::make_unique<QTranslator>();
    if (!console->load(QStringLiteral(":/i18n/signalbox_%1.qm").arg(code)))
        return false;
    QCoreApplication::installTranslator(console.get());
    installed().console = std::move(console);
    QLocale::setDefault(code == English ? QLocale(QLocale::English, QLocale::UnitedStates)
                                        : QLocale(code));
    if (code == English)
        return true;

    // Qt's own strings (the file dialog's buttons); the console works without them.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        installed().qt = std::move(qt);
    }
    return true;
}

} // namespace signalbox
