#include "widgets/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace closelab::widgets {

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent)
    : QDialog(parent), m_actions(actions) {
    auto* layout = new QVBoxLayout(this);
    m_table = new QTableWidget(this);
    m_table->setColumnCount(2);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(m_table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 520);
    fill();
}

int ShortcutsDialog::rowCount() const {
    return m_table->rowCount();
}

void ShortcutsDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        fill();
    QDialog::changeEvent(event);
}

void ShortcutsDialog::fill() {
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Action")});
    m_table->setRowCount(0);
    for (QAction* action : std::as_const(m_actions)) {
        const auto keys = action->shortcuts();
        if (keys.isEmpty())
            continue;
        QStringList keyTexts;
        for (const QKeySequence& key : keys)
            keyTexts << key.toString(QKeySequence::NativeText);
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(keyTexts.join(QStringLiteral(", "))));
        // Menu mnemonics are not part of the name: "&Play" and Chinese "播放(&P)".
        static const QRegularExpression mnemonic(QStringLiteral("\\(&\\w\\)|&"));
        m_table->setItem(row, 1, new QTableWidgetItem(action->text().remove(mnemonic)));
    }
    // One height for every row: the tallest text measured with its fallback fonts (Chinese
    // glyphs come from Noto CJK, taller than the Latin font), plus a little air.
    const QFontMetrics metrics(m_table->font());
    int rowHeight = metrics.height();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        for (int column = 0; column < 2; ++column)
            rowHeight = std::max(rowHeight,
                                 metrics.boundingRect(m_table->item(row, column)->text()).height());
    }
    rowHeight += metrics.height() / 2;
    for (int row = 0; row < m_table->rowCount(); ++row)
        m_table->setRowHeight(row, rowHeight);
    m_table->resizeColumnToContents(0);
    // Key names need air beside them (a Chinese key name is as wide as "Ctrl+O").
    m_table->setColumnWidth(0, m_table->columnWidth(0) + fontMetrics().averageCharWidth() * 2);
    // Tall enough for every row when the screen allows: a list to read, not to scroll.
    const int rows = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth() +
                     rowHeight * m_table->rowCount() + 2;
    const int chrome = sizeHint().height() - m_table->sizeHint().height();
    resize(width(), std::min(rows + chrome, 720));
}

}  // namespace closelab::widgets
