// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QListWidget;

namespace signalbox {

// A list of checkable names, used to edit a model's strengths and capabilities in a table cell.
// With allowNew, a line below the list adds a name that is not offered yet.
class CheckListEditor : public QWidget {
    Q_OBJECT

public:
    CheckListEditor(const QStringList &choices, bool allowNew, QWidget *parent = nullptr);

    void setChecked(const QStringList &names);
    // The checked names, in the order of the list.
    QStringList checked() const;

    QListWidget *list() const { return m_list; }
    // The height that shows every choice and the line for new names.
    int preferredHeight() const;

signals:
    void changed();

private:
    void addName(const QString &name, bool checked);

    QListWidget *m_list;
    QLineEdit *m_newName = nullptr;
};

} // namespace signalbox
