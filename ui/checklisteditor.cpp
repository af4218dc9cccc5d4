// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "checklisteditor.h"

#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace signalbox {

CheckListEditor::CheckListEditor(const QStringList &choices, bool allowNew, QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this)) {
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_list);
    for (const QString &choice : choices)
        addName(choice, false);
    connect(m_list, &QListWidget::itemChanged, this, &CheckListEditor::changed);

    if (allowNew) {
        m_newName = new QLineEdit(this);
        m_newName->setPlaceholderText(tr("Add a name and press Enter"));
        m_newName->setAccessibleName(tr("New name"));
        layout->addWidget(m_newName);
        connect(m_newName, &QLineEdit::returnPressed, this, [this] {
            const QString name = m_newName->text().trimmed();
            m_newName->clear();
            if (name.isEmpty())
                return;
            const QList<QListWidgetItem *> existing = m_list->findItems(name, Qt::MatchExactly);
            if (existing.isEmpty())
                addName(name, true);
            else
                existing.first()->setCheckState(Qt::Checked);
            emit changed();
        });
    }
    setFocusProxy(m_list);
}

void CheckListEditor::addName(const QString &name, bool checked) {
    auto *item = new QListWidgetItem(name, m_list);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void CheckListEditor::setChecked(const QStringList &names) {
    for (const QString &name : names) {
        if (!name.isEmpty() && m_list->findItems(name, Qt::MatchExactly).isEmpty())
            addName(name, false);
    }
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        item->setCheckState(names.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList CheckListEditor::checked() const {
    QStringList names;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() == Qt::Checked)
            names << m_list->item(row)->text();
    }
    return names;
}

int CheckListEditor::preferredHeight() const {
    const int rows = qMin(m_list->count(), 8);
    int height = rows * m_list->sizeHintForRow(0) + 2 * m_list->frameWidth() + 4;
    if (m_newName)
        height += m_newName->sizeHint().height() + 2;
    return height;
}

} // namespace signalbox
