// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "routing/codescan.h"

#include <QHash>
#include <QLatin1String>

#include <algorithm>
#include <cstring>
#include <initializer_list>

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

bool startsWithAny(QStringView line, std::initializer_list<QLatin1String> starts) {
    for (const QLatin1String &start : starts) {
        if (line.startsWith(start))
            return true;
    }
    return false;
}

// A definition line: "def f(", "func (s *Server) Run(", "class Foo", or in C-like languages a
// line at the left margin that opens a body after a parameter list ("void run() {").
bool isDefinition(QStringView line) {
    const QStringView trimmed = line.trimmed();
    if (startsWithAny(
            trimmed,
            {QLatin1String("def "), QLatin1String("async def "), QLatin1String("func "),
             QLatin1String("fn "), QLatin1String("pub fn "), QLatin1String("pub async fn "),
             QLatin1String("function "), QLatin1String("async function "),
             QLatin1String("export function "), QLatin1String("export async function "),
             QLatin1String("export default function "), QLatin1String("class "),
             QLatin1String("export class "), QLatin1String("struct "), QLatin1String("impl ")}))
        return true;
    if (line.isEmpty() || line.front().isSpace() || !trimmed.contains(u'('))
        return false;
    if (!trimmed.endsWith(u'{') || trimmed.contains(QLatin1String("=>")))
        return false;
    return !startsWithAny(trimmed,
                          {QLatin1String("if"), QLatin1String("for"), QLatin1String("while"),
                           QLatin1String("switch"), QLatin1String("}"), QLatin1String("else"),
                           QLatin1String("catch"), QLatin1String("do")});
}

// A file header in pasted code: a diff header, or a comment that holds only a file name
// ("// src/pool.go", "# app/models.py").
bool isFileHeader(QStringView line) {
    if (startsWithAny(line, {QLatin1String("diff --git "), QLatin1String("+++ b/")}))
        return true;
    QStringView name;
    if (line.startsWith(QLatin1String("// ")) || line.startsWith(QLatin1String("-- ")))
        name = line.mid(3).trimmed();
    else if (line.startsWith(QLatin1String("# ")))
        name = line.mid(2).trimmed();
    else
        return false;
    const qsizetype dot = name.lastIndexOf(u'.');
    return !name.isEmpty() && !name.contains(u' ') && dot > 0 && name.size() - dot >= 2 &&
           name.size() - dot <= 5;
}

// Counts the names in code that show threads, locks or atomics, in any case. The code is searched
// as lower-case Latin-1 bytes with memmem(), because searching the UTF-16 text for the 16 names
// took about 300 µs of CPU on 16000 characters (BM_TaskFeatures32k) and memmem() about 60 µs.
int countConcurrencyMarkers(QStringView code) {
    static const char *const markers[] = {
        "mutex",        "rwlock",
        "lock()",       "thread",
        "atomic",       "go func",
        "chan ",        "waitgroup",
        "synchronized", "volatile",
        "concurrent",   "semaphore",
        "memory_order", "condition_variable",
        "executor",     "asyncio.gather",
    };
    const QByteArray lower = code.toLatin1().toLower();
    int found = 0;
    for (const char *marker : markers)
        found += memmem(lower.constData(), size_t(lower.size()), marker, strlen(marker)) ? 1 : 0;
    return found;
}

// Counts the definitions, file headers and concurrency markers of one block, within the
// budget of kStructureChars for the whole request.
void scanCodeStructure(QStringView block, FencedCode &code) {
    const qsizetype budget = kStructureChars - code.structureChars;
    if (budget <= 0)
        return;
    block = block.left(budget);
    code.structureChars += int(block.size());
    for (QStringView line : block.split(u'\n')) {
        if (isDefinition(line))
            ++code.definitions;
        else if (isFileHeader(line))
            ++code.files;
    }
    code.concurrencyMarkers = std::max(code.concurrencyMarkers, countConcurrencyMarkers(block));
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
    qsizetype blockStart = 0;
    bool opening = true;
    while (true) {
        const qsizetype fence = findFence(text, from);
        if (fence < 0) {
            // An unclosed block runs to the end of the text.
            if (!opening) {
                code.lines += int(text.mid(blockStart).count(u'\n'));
                scanCodeStructure(text.mid(blockStart), code);
            }
            return;
        }
        from = fence + kFence.size();
        if (!opening) {
            opening = true;
            code.lines += int(text.mid(blockStart, fence - blockStart).count(u'\n'));
            scanCodeStructure(text.mid(blockStart, fence - blockStart), code);
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
        blockStart = lineEnd + 1;
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
