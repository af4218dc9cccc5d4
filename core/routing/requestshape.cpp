// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "routing/requestshape.h"

#include "routing/codescan.h"

#include <QLatin1String>

#include <algorithm>

namespace signalbox {

namespace {

// The part of a message read for its prose. The instruction of a request sits at its start,
// and a long message goes on with pasted material.
constexpr qsizetype kMaxScannedChars = 4000;

// Words that join two requirements.
const QLatin1String kJoinWords[] = {QLatin1String("and"), QLatin1String("und"), QLatin1String("y"),
                                    QLatin1String("et"), QLatin1String("sowie")};
const char16_t *const kCjkJoins[] = {u"以及", u"并且", u"和", u"并", u"及び", u"および"};
const QLatin1String kChoiceWords[] = {QLatin1String("or"),     QLatin1String("vs"),
                                      QLatin1String("versus"), QLatin1String("oder"),
                                      QLatin1String("o"),      QLatin1String("ou")};
const char16_t *const kCjkChoices[] = {u"还是", u"或者", u"それとも"};
const QStringView kNegations[] = {u"not", u"nicht", u"no", u"non", u"pas", u"不", u"没"};

bool isWordChar(QChar c) {
    return c.isLetterOrNumber() || c == u'_';
}

bool isCjk(QChar c) {
    return c.unicode() >= 0x3000;
}

// A Latin-script word of the text: a run of letters, digits and underscores.
struct WordSpan {
    qsizetype start;
    qsizetype end;
};

QList<WordSpan> latinWords(QStringView text) {
    QList<WordSpan> words;
    qsizetype i = 0;
    while (i < text.size()) {
        if (!isWordChar(text[i]) || isCjk(text[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && isWordChar(text[i]) && !isCjk(text[i]))
            ++i;
        words.append({start, i});
    }
    return words;
}

bool equalsAny(QStringView word, const auto &candidates) {
    for (const auto &candidate : candidates) {
        if (word.compare(candidate, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

int countCjk(QStringView text, const auto &needles) {
    int count = 0;
    for (const char16_t *needle : needles)
        count += int(text.count(QStringView(needle)));
    return count;
}

// A separator between two digits ("1,200") belongs to a number.
bool insideNumber(QStringView text, qsizetype at) {
    return at > 0 && at + 1 < text.size() && text[at - 1].isDigit() && text[at + 1].isDigit();
}

int countSeparators(QStringView text) {
    int separators = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        const bool separator =
            c == u',' || c == u';' || c == u'\uFF0C' || c == u'\u3001' || c == u'\uFF1B';
        if (separator && !insideNumber(text, i))
            ++separators;
    }
    for (const WordSpan &word : latinWords(text)) {
        if (equalsAny(text.mid(word.start, word.end - word.start), kJoinWords))
            ++separators;
    }
    return separators + countCjk(text, kCjkJoins);
}

// A line that is an item of a list: "- ", "* ", "• ", "1. " or "1) ".
bool isListLine(QStringView line) {
    line = line.trimmed();
    if (line.size() < 3)
        return false;
    if ((line[0] == u'-' || line[0] == u'*' || line[0] == u'\u2022') && line[1] == u' ')
        return true;
    qsizetype digits = 0;
    while (digits < line.size() && line[digits].isDigit())
        ++digits;
    return digits > 0 && digits <= 2 && digits + 1 < line.size() &&
           (line[digits] == u'.' || line[digits] == u')') && line[digits + 1] == u' ';
}

// Returns true when the alternative that follows position `at` starts with a letter and is no
// negation ("or not", "oder nicht", "还是不").
bool optionFollows(QStringView text, qsizetype at) {
    while (at < text.size() && text[at].isSpace())
        ++at;
    if (at >= text.size() || !text[at].isLetter())
        return false;
    const QStringView rest = text.mid(at);
    for (const QStringView negation : kNegations) {
        if (rest.startsWith(negation, Qt::CaseInsensitive) &&
            (rest.size() == negation.size() || !rest[negation.size()].isLetter() || isCjk(rest[0])))
            return false;
    }
    return true;
}

bool namesAlternatives(QStringView question) {
    for (const WordSpan &word : latinWords(question)) {
        if (equalsAny(question.mid(word.start, word.end - word.start), kChoiceWords) &&
            word.start > 0 && optionFollows(question, word.end))
            return true;
    }
    for (const char16_t *needle : kCjkChoices) {
        const QStringView choice(needle);
        const qsizetype at = question.indexOf(choice);
        if (at > 0 && optionFollows(question, at + choice.size()))
            return true;
    }
    return false;
}

// A full stop ends a sentence when a space or the end follows, so "Node.js" and "1.2" do not.
bool endsSentence(QStringView text, qsizetype at) {
    const char16_t c = text[at].unicode();
    if (c == u'.' || c == u'!')
        return at + 1 >= text.size() || text[at + 1].isSpace();
    return c == u'\n' || c == u'\u3002' || c == u'\uFF01';
}

} // namespace

QString instructionProse(QStringView text, qsizetype maxChars) {
    const QStringView head = text.left(kMaxScannedChars);
    QString prose;
    qsizetype from = 0;
    while (from < head.size() && prose.size() < maxChars) {
        const qsizetype fence = findFence(head, from);
        QStringView part = head.mid(from, (fence < 0 ? head.size() : fence) - from);
        // Inline code spans sit between single backticks; every second part is code.
        const QList<QStringView> pieces = part.split(u'`');
        for (qsizetype i = 0; i < pieces.size(); i += 2)
            prose += pieces[i];
        if (fence < 0)
            break;
        const qsizetype close = findFence(head, fence + 3);
        if (close < 0)
            break;
        from = close + 3;
    }
    prose.truncate(maxChars);
    return prose;
}

RequestShape readRequestShape(QStringView prose) {
    RequestShape shape;
    int questions = 0;
    int listLines = 0;
    for (QStringView line : prose.split(u'\n')) {
        if (isListLine(line))
            ++listLines;
    }
    qsizetype start = 0;
    for (qsizetype i = 0; i < prose.size(); ++i) {
        const char16_t c = prose[i].unicode();
        if (c == u'?' || c == u'\uFF1F') {
            ++questions;
            if (namesAlternatives(prose.mid(start, i - start)))
                shape.choiceQuestion = true;
            start = i + 1;
        } else if (endsSentence(prose, i)) {
            start = i + 1;
        }
    }
    shape.asks = countSeparators(prose) + listLines + std::max(0, questions - 1);
    return shape;
}

} // namespace signalbox
