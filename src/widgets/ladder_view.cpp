#include "widgets/ladder_view.h"

#include "models/ladder_palette.h"
#include "widgets/ladder_painter.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlError>
#include <QQuickItem>
#include <QQuickWidget>
#include <QSvgGenerator>
#include <QVBoxLayout>

namespace closelab::widgets {

LadderView::LadderView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_quick = new QQuickWidget(this);
    m_quick->setObjectName(QStringLiteral("ladderQuick"));
    m_quick->setResizeMode(QQuickWidget::SizeRootObjectToView);
    m_quick->setClearColor(QColor(0xfb, 0xfb, 0xf8));
    layout->addWidget(m_quick);
}

QQmlEngine* LadderView::engine() const {
    return m_quick->engine();
}

void LadderView::setContextObject(const QString& name, QObject* object) {
    m_quick->rootContext()->setContextProperty(name, object);
}

bool LadderView::load() {
    m_quick->setSource(QUrl(QStringLiteral("qrc:/qt/qml/Closelab/Ladder.qml")));
    if (m_quick->status() == QQuickWidget::Error) {
        QStringList errors;
        const auto list = m_quick->errors();
        for (const QQmlError& e : list)
            errors << e.toString();
        m_error = errors.join(u'\n');
        return false;
    }
    m_error.clear();
    return true;
}

void LadderView::setLook(double fontScale, double lineScale, const QString& theme) {
    m_quick->setClearColor(models::LadderPalette::named(QStringLiteral("background"), theme));
    if (QQuickItem* root = m_quick->rootObject()) {
        root->setProperty("fontScale", fontScale);
        root->setProperty("lineScale", lineScale);
        root->setProperty("theme", theme);
    }
}

QImage LadderView::renderImage() {
    return m_quick->grabFramebuffer();
}

bool LadderView::exportPng(const QString& file) {
    const QImage image = renderImage();
    return !image.isNull() && image.save(file, "PNG");
}

bool LadderView::exportSvg(const QString& file, const QString& title) {
    if (!m_scene)
        return false;
    // Opened here, not by the generator: a path that cannot be written (a directory, a missing
    // folder) is then a plain false for the caller to report, not two Qt warnings on stderr.
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const LadderPainter ladder(*m_scene);
    QSvgGenerator generator;
    generator.setOutputDevice(&out);
    generator.setSize(ladder.size());
    generator.setViewBox(QRect(QPoint(0, 0), ladder.size()));
    generator.setTitle(title);
    generator.setDescription(tr("Ladder diagram exported by closelab"));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    ladder.paint(painter);
    return painter.end();
}

}  // namespace closelab::widgets
