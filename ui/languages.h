// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QList>
#include <QString>

namespace signalbox {

struct Language {
    QString code;       // "en", "de", "zh_CN"
    QString nativeName; // the language's name in itself, so anyone can find their own
};

// The languages the console is translated into, English first.
QList<Language> consoleLanguages();
bool isConsoleLanguage(const QString &code);

// The language chosen in the console's settings; empty means the system language.
QString savedLanguage();
void saveLanguage(const QString &code);

// Returns the language to show: the override (from --language) when it is not empty, else the
// saved setting, else the first of the system's UI languages that the console has, else "en".
QString chooseLanguage(const QString &override);

// Installs the console's translation for a language, and Qt's own where it is installed, in place
// of the ones installed before, and makes the language's locale the default for numbers and
// dates. Returns false for a language without an embedded translation.
bool installLanguage(const QString &code);

} // namespace signalbox
