// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace signalbox {

// The editors of the model table: a combo box of the configured providers, spin boxes for
// prices (USD per million tokens), token counts, the reasoning factor and the quality, and check
// lists for strengths and capabilities. The check lists open below their cell, over the rows
// beneath.
class ModelItemDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setProviders(const QStringList &providers) { m_providers = providers; }
    // Strength tags offered besides those a model already has, usually the stage names.
    void setStrengths(const QStringList &strengths) { m_strengths = strengths; }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

private:
    QStringList strengthChoices(const QModelIndex &index) const;

    QStringList m_providers;
    QStringList m_strengths;
};

} // namespace signalbox
