#pragma once

#include <QWidget>

class QQuickWidget;
class QQmlEngine;

namespace closelab::models {
class LadderScene;
}

namespace closelab::widgets {

// Hosts the QML ladder (module Closelab, Ladder.qml) in a QQuickWidget and exports it.
class LadderView : public QWidget {
    Q_OBJECT
public:
    explicit LadderView(QWidget* parent = nullptr);

    QQuickWidget* quickWidget() const { return m_quick; }
    QQmlEngine* engine() const;
    // Makes `object` visible to the QML as a context property (set before load()).
    void setContextObject(const QString& name, QObject* object);
    // Loads Ladder.qml; returns false (and logs the QML errors in errorString()) when it fails.
    bool load();
    QString errorString() const { return m_error; }

    QImage renderImage();
    bool exportPng(const QString& file);
    // The whole run drawn as vectors (LadderPainter), not only the visible part.
    bool exportSvg(const QString& file, const QString& title);
    void setScene(models::LadderScene* scene) { m_scene = scene; }
    // How the ladder is drawn: text (and bands) scale, line width scale, colour theme
    // (models::LadderPalette::themes()). Read by Ladder.qml as fontScale, lineScale and theme.
    void setLook(double fontScale, double lineScale, const QString& theme);

private:
    QQuickWidget* m_quick = nullptr;
    QString m_error;
    models::LadderScene* m_scene = nullptr;
};

}  // namespace closelab::widgets
