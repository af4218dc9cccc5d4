// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return 0;
}
