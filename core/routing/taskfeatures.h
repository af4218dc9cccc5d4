// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "routing/taskprofile.h"

#include <QJsonObject>
#include <QStringList>

namespace signalbox {

// One keyword or phrase found in the request, with the category it votes for.
struct KeywordHit {
    QString keyword;
    TaskCategory category;
    double weight = 1;
};

// Task signals in the text of a Chat Completions request, read without any network call. Token
// counts, tools, images and JSON output are in ChatRequestFeatures.
struct TaskFeatures {
    int codeBlocks = 0;         // fenced ``` blocks in all messages
    int codeLines = 0;          // lines inside the fenced blocks of all messages
    int codeLikeLines = 0;      // unfenced lines of the last user message that look like code
    int codeDefinitions = 0;    // function, method and type definitions in the fenced code
    int codeFiles = 0;          // file headers in the fenced code ("diff --git", "// a/b.go")
    int concurrencyInCode = 0;  // distinct thread, lock and atomic names in the fenced code
    QStringList languages;      // languages of the code, from fence tags or guessed, lower case
    bool hasErrorTrace = false; // a stack trace, compiler error or panic in the request
    QList<KeywordHit> keywords;
    double hardMarkers = 0;     // summed weights of words that signal hard work: concurrency, proof
    double easyMarkers = 0;     // summed weights of words that signal small work: typo, quick
    double hardSubjects = 0;    // summed weights of demanding subjects: memory ordering, Raft, MVCC
    double easySubjects = 0;    // summed weights of routine subjects: boilerplate, spelling errors
    bool buildRequest = false;  // the request is to build something: write, create, design
    bool causeQuestion = false; // a question for the cause of a problem: why, warum, 为什么
    bool broadScope = false;    // the task repeats over many items: every, alle, 所有
    // Separators between the requirements of the last user message's instruction, and whether
    // it asks to choose between named alternatives; see RequestShape.
    int asks = 0;
    bool choiceQuestion = false;
    // The last user message starts with a text task ("Summarize this:") before a colon or line
    // break, so what follows is material to work on and was not scanned for keywords.
    bool materialSkipped = false;
    int lastUserWords = 0;   // words (CJK characters count as words) of the last user message
    qint64 scannedChars = 0; // characters the keyword scan read; long messages are sampled
    bool lastMessageIsToolResult = false; // an agent step: the last message has role "tool"
    int userMessages = 0;
    bool hasErrorLog =
        false; // upper-case ERROR, FATAL or FAILED lines, as logs and test runs print

    bool hasCode() const { return codeBlocks > 0 || codeLikeLines >= 3; }
};

// Reads the messages of a Chat Completions body. Keywords are looked for in the system prompt, the
// last user message and, at half weight, the user message before it. Long messages are read in
// their first and last few thousand characters only: instructions sit there, and the bulk of a
// long prompt is pasted material that shows little of the task.
TaskFeatures analyzeTask(const QJsonObject &body);

} // namespace signalbox
