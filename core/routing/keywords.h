// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "routing/taskprofile.h"

#include <QHash>
#include <QList>
#include <QStringView>

#include <algorithm>
#include <bitset>

namespace signalbox {

enum class KeywordKind {
    Category,  // votes for a category; counted outside code blocks only
    Signature, // an error signature such as "traceback"; counted inside code blocks too
    Hard,      // raises the difficulty
    Easy,      // lowers the difficulty
    Build,     // a request to build something new ("write", "create"): raises the difficulty
    Cause,     // asks for the cause of a problem ("why", "woran liegt"); votes for its category
    Scope,     // the task repeats over many items ("every function", "alle Termine")
    // A subject that makes the work hard however the request is worded: memory ordering, Raft,
    // register allocation, isolation levels, numerical stability, side channels.
    HardSubject,
    // A subject that is routine work whatever its size: boilerplate, unused imports, spelling
    // errors, listing items.
    EasySubject,
};

// One entry of the keyword table. Latin-script entries are lower case, whole words separated by
// single spaces. Entries that start with a CJK, kana or hangul character are matched as
// substrings.
struct KeywordRule {
    QStringView text;
    KeywordKind kind;
    TaskCategory category; // the category a Category or Signature rule votes for
    double weight;
    // The spelling an abbreviation or a name must have in the request, for an entry that is
    // also an everyday word in its lower-case form ("WAL" is not the German "Wal"). Empty: any.
    QStringView spelling = {};
};

// The keyword table, indexed for lookup by word and phrase. Built once, then read-only, so it is
// safe to share between threads.
class KeywordIndex {
public:
    static const KeywordIndex &instance();

    // Returns the rules for a lower-case word or space-separated phrase, or nullptr.
    const QList<const KeywordRule *> *find(QStringView phrase) const;

    // Returns true when some phrase of two or more words starts with this word.
    bool startsPhrase(QStringView word) const {
        return mayBeKey(word) && m_phraseStarts.contains(word);
    }

    int maxPhraseWords() const { return m_maxPhraseWords; }

    // Returns the rules written in CJK or kana, which have no spaces between words, that start
    // with this character, or nullptr.
    const QList<const KeywordRule *> *substringRulesStartingWith(QChar first) const {
        if (!m_substringFirstChars.test(first.unicode()))
            return nullptr;
        return &m_substringRules.constFind(first.unicode()).value();
    }

private:
    KeywordIndex();

    // Returns a 16-bit digest of a text's length and its first and last characters.
    static quint16 digest(QStringView text) {
        if (text.isEmpty())
            return 0;
        const quint16 length = quint16(std::min<qsizetype>(text.size(), 31));
        return quint16((length << 11) | ((text.front().unicode() & 0x3F) << 5) |
                       (text.back().unicode() & 0x1F));
    }

    // Returns false for a text that is neither a rule nor a phrase start, judged by its digest.
    // Most words are rejected here before the string hash, which took a fifth of analyzeTask()
    // on a 32k-token prompt of code.
    bool mayBeKey(QStringView text) const { return m_keyDigests.test(digest(text)); }

    QHash<QStringView, QList<const KeywordRule *>> m_byText;
    QHash<QStringView, bool> m_phraseStarts;
    QHash<char16_t, QList<const KeywordRule *>> m_substringRules; // by first character
    std::bitset<0x10000> m_substringFirstChars; // the keys of m_substringRules, tested first
    std::bitset<0x10000> m_keyDigests; // digest() of each key of m_byText and m_phraseStarts
    int m_maxPhraseWords = 1;
};

} // namespace signalbox
