// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/configloader.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QUndoStack>

namespace signalbox {

// The model registry as an editable table, one row per model. Every edit, insertion and removal
// goes through the undo stack, so each one can be undone and redone. Cells at the field path of
// a validation problem are marked and carry the problem as their tooltip.
class ModelTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        ProviderColumn,
        UpstreamIdColumn,
        InputPriceColumn,
        OutputPriceColumn,
        CachedInputPriceColumn,
        CacheWritePriceColumn,
        ContextWindowColumn,
        MaxOutputColumn,
        ReasoningFactorColumn,
        QualityColumn,
        StrengthsColumn,
        CapabilitiesColumn,
        ColumnCount
    };

    explicit ModelTableModel(QObject *parent = nullptr);

    QUndoStack *undoStack() { return &m_undoStack; }
    const QList<ModelConfig> &models() const { return m_models; }

    // Replaces every row and clears the undo history.
    void setModels(const QList<ModelConfig> &models);

    // Marks the cells named by problems at "models[ROW]..." paths. Returns the other problems.
    QList<ConfigProblem> setProblems(const QList<ConfigProblem> &problems);
    QStringList problemsAt(int row, int column) const;

    // Undoable edits.
    void addModel(const QString &provider);
    void duplicateModel(int row);
    void removeModels(QList<int> rows);
    // One undo step that appends `added` and replaces the rows in `updated` (row -> new value).
    void importModels(const QList<ModelConfig> &added, const QHash<int, ModelConfig> &updated);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Returns the translated title of a column on one line, as undo texts use it. The header
    // breaks some titles onto two lines.
    static QString columnTitle(int section);
    // Returns the value of one field in the form the table's edit role uses.
    static QVariant fieldValue(const ModelConfig &model, int column);
    static void setFieldValue(ModelConfig &model, int column, const QVariant &value);

    // Direct changes without undo, for the undo commands only.
    void writeRow(int row, const ModelConfig &model);
    void insertRowsAt(int row, const QList<ModelConfig> &models);
    void removeRowsAt(int row, int count);

signals:
    // Any change to the rows, including undo and redo.
    void edited();

private:
    QString uniqueId(const QString &base) const;
    QString displayText(const ModelConfig &model, int column) const;

    QList<ModelConfig> m_models;
    QHash<QPair<int, int>, QStringList> m_problems; // (row, column) -> messages
    QUndoStack m_undoStack;
};

} // namespace signalbox
