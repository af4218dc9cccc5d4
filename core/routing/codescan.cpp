// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "routing/codescan.h"

#include <QHash>
#include <QLatin1String>

namespace signalbox {

namespace {

// Code of an untagged fence read to guess its language.
constexpr qsizetype kGuessChars = 1500;
const QLatin1String kFence("```");

QString canonicalLanguage(QString tag) {
    tag = tag.toLower();
    static const QHash<QString, QString> aliases{
        {QStringLiteral("py"), QStringLiteral("python")},
        {QStringLiteral("python3"), QStringLiteral("python")},
        {QStringLiteral("js"), QStringLiteral("javascript")},
        {QStringLiteral("jsx"), QStringLiteral("javascript")},
        {QStringLiteral("mjs"), QStringLiteral("javascript")},
        {QStringLiteral("ts"), QStringLiteral("typescript")},
        {QStringLiteral("tsx"), QStringLiteral("typescript")},
        {QStringLiteral("c++"), QStringLiteral("cpp")},
        {QStringLiteral("cc"), QStringLiteral("cpp")},
        {QStringLiteral("cxx"), QStringLiteral("cpp")},
        {QStringLiteral("hpp"), QStringLiteral("cpp")},
        {QStringLiteral("h"), QStringLiteral("c")},
        {QStringLiteral("sh"), QStringLiteral("shell")},
        {QStringLiteral("bash"), QStringLiteral("shell")},
        {QStringLiteral("zsh"), QStringLiteral("shell")},
        {QStringLiteral("console"), QStringLiteral("shell")},
        {QStringLiteral("rs"), QStringLiteral("rust")},
        {QStringLiteral("golang"), QStringLiteral("go")},
        {QStringLiteral("yml"), QStringLiteral("yaml")},
        {QStringLiteral("kt"), QStringLiteral("kotlin")},
        {QStringLiteral("cs"), QStringLiteral("csharp")},
        {QStringLiteral("c#"), QStringLiteral("csharp")},
        {QStringLiteral("rb"), QStringLiteral("ruby")},
        {QStringLiteral("htm"), QStringLiteral("html")},
        {QStringLiteral("vue"), QStringLiteral("html")},
        {QStringLiteral("svelte"), QStringLiteral("html")},
        {QStringLiteral("postgresql"), QStringLiteral("sql")},
        {QStringLiteral("text"), QString()},
        {QStringLiteral("txt"), QString()},
        {QStringLiteral("plaintext"), QString()},
        {QStringLiteral("log"), QString()},
        {QStringLiteral("output"), QString()},
    };
    return aliases.value(tag, tag);
}

bool looksLikeCode(QStringView line) {
    line = line.trimmed();
    if (line.size() < 2)
        return false;
    const QChar last = line.back();
    if (last == u';' || last == u'{' || last == u'}')
        return true;
    static const QLatin1String starts[] = {
        QLatin1String("#include"), QLatin1String("def "),    QLatin1String("class "),
        QLatin1String("import "),  QLatin1String("return "), QLatin1String("if ("),
        QLatin1String("for ("),    QLatin1String("fn "),     QLatin1String("func "),
        QLatin1String("const "),   QLatin1String("let "),    QLatin1String("#define"),
    };
    for (const QLatin1String &start : starts) {
        if (line.startsWith(start))
            return true;
    }
    return false;
}

} // namespace

// Searches for the backtick alone, with Qt's vectorised character search, and then checks the
// next two characters. Compared with a three-character pattern search this halved the CPU time
// of analyzeTask() on a 32k-token prompt (BM_TaskFeatures32k in bench/bench_routing.cpp).
qsizetype findFence(QStringView text, qsizetype from) {
    while (true) {
        const qsizetype at = text.indexOf(u'`', from);
        if (at < 0 || at + 2 >= text.size())
            return -1;
        if (text[at + 1] == u'`' && text[at + 2] == u'`')
            return at;
        from = at + 1;
    }
}

bool insideFence(QStringView text, qsizetype end) {
    const QStringView before = text.left(end);
    int fences = 0;
    for (qsizetype at = findFence(before, 0); at >= 0; at = findFence(before, at + 3))
        ++fences;
    return fences % 2 == 1;
}

QString guessLanguage(QStringView code) {
    struct Marker {
        QLatin1String text;
        const char *language;
    };
    static const Marker markers[] = {
        {QLatin1String("#include"), "cpp"},
        {QLatin1String("std::"), "cpp"},
        {QLatin1String("def "), "python"},
        {QLatin1String("import numpy"), "python"},
        {QLatin1String("fn "), "rust"},
        {QLatin1String("let mut "), "rust"},
        {QLatin1String("package main"), "go"},
        {QLatin1String("func "), "go"},
        {QLatin1String("public class "), "java"},
        {QLatin1String("<div"), "html"},
        {QLatin1String("</"), "html"},
        {QLatin1String("px;"), "css"},
        {QLatin1String("SELECT "), "sql"},
        {QLatin1String("CREATE TABLE"), "sql"},
        {QLatin1String("interface "), "typescript"},
        {QLatin1String("const "), "javascript"},
        {QLatin1String("function "), "javascript"},
        {QLatin1String("=> "), "javascript"},
        {QLatin1String("#!/bin/"), "shell"},
    };
    const QStringView head = code.left(kGuessChars);
    for (const Marker &marker : markers) {
        if (head.contains(marker.text))
            return QString::fromLatin1(marker.language);
    }
    return {};
}

void scanFences(QStringView text, FencedCode &code) {
    qsizetype from = 0;
    bool opening = true;
    while (true) {
        const qsizetype fence = findFence(text, from);
        if (fence < 0)
            return;
        from = fence + kFence.size();
        if (!opening) {
            opening = true;
            continue;
        }
        opening = false;
        ++code.blocks;
        qsizetype lineEnd = text.indexOf(u'\n', from);
        if (lineEnd < 0)
            lineEnd = text.size();
        QString language = canonicalLanguage(text.mid(from, lineEnd - from).trimmed().toString());
        if (language.isEmpty() || language.size() > 20)
            language = guessLanguage(text.mid(lineEnd));
        if (!language.isEmpty() && !code.languages.contains(language))
            code.languages.append(language);
        from = lineEnd;
    }
}

int countCodeLikeLines(QStringView text, qsizetype headChars, qsizetype tailChars) {
    int count = 0;
    bool inFence = false;
    const auto scan = [&](QStringView part) {
        for (QStringView line : part.split(u'\n')) {
            if (line.trimmed().startsWith(kFence)) {
                inFence = !inFence;
                continue;
            }
            if (!inFence && looksLikeCode(line))
                ++count;
        }
    };
    const qsizetype window = headChars + tailChars;
    if (text.size() <= 2 * window) {
        scan(text);
        return count;
    }
    scan(text.left(window));
    const qsizetype tailStart = text.size() - window;
    inFence = insideFence(text, tailStart);
    scan(text.mid(tailStart));
    return count;
}
} // namespace signalbox
