#include "widgets/presentation_window.h"

#include <QApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "models/beat_stepper.h"
#include "models/ladder_palette.h"
#include "models/ladder_scene.h"
#include "models/player.h"
#include "models/time_format.h"
#include "widgets/ladder_view.h"

namespace closelab::widgets {

namespace {

// At 1024x768 and zoom 1: the ladder's base text is 28 px (its smallest, a segment's detail
// line, 0.72 of that: 20 px), the caption 34 px, the footer 20 px.
constexpr double kLadderFontScale = 1.75;
constexpr double kLineScale = 1.8;
constexpr int kCaptionPx = 34;
constexpr int kFooterPx = 20;
constexpr double kZoomStep = 1.15;

}  // namespace

PresentationWindow::PresentationWindow(models::Player* player, QWidget* parent)
    : QWidget(parent, Qt::Window),
      m_player(player),
      m_scene(new models::LadderScene(player, this)),
      m_stepper(new models::BeatStepper(player, this)) {
    setObjectName(QStringLiteral("presentationWindow"));
    // Closing the main window ends the application, presentation or not.
    setAttribute(Qt::WA_QuitOnClose, false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_ladder = new LadderView(this);
    m_ladder->load();
    m_ladder->setScene(m_scene);
    if (QQuickItem* root = m_ladder->quickWidget()->rootObject()) {
        root->setProperty("scene", QVariant::fromValue(m_scene));
        root->setProperty("showNoteBanner", false);
    }
    // Keys go to the window (the event filter), never into the QML.
    m_ladder->quickWidget()->setFocusPolicy(Qt::NoFocus);
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("presentationCaption"));
    m_caption->setWordWrap(true);
    m_caption->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_caption->setTextFormat(Qt::PlainText);
    m_footer = new QLabel(this);
    m_footer->setObjectName(QStringLiteral("presentationFooter"));
    m_footer->setTextFormat(Qt::PlainText);
    // A rule between the picture and the caption.
    m_rule = new QWidget(this);
    m_rule->setFixedHeight(3);
    layout->addWidget(m_ladder, 1);
    layout->addWidget(m_rule);
    layout->addWidget(m_caption);
    layout->addWidget(m_footer);
    m_blank = new QWidget(this);
    m_blank->setObjectName(QStringLiteral("presentationBlank"));
    m_blank->setAutoFillBackground(true);
    QPalette black = m_blank->palette();
    black.setColor(QPalette::Window, Qt::black);
    m_blank->setPalette(black);
    m_blank->hide();
    setFocusPolicy(Qt::StrongFocus);

    connect(m_stepper, &models::BeatStepper::currentChanged, this,
            &PresentationWindow::updateCaption);
    connect(m_stepper, &models::BeatStepper::animatingChanged, this,
            &PresentationWindow::updateCaption);
    connect(m_scene, &models::LadderScene::currentNoteChanged, this,
            &PresentationWindow::updateCaption);
    connect(m_player, &models::Player::timeChanged, this, &PresentationWindow::updateCaption);
    qApp->installEventFilter(this);
    applyColours();
    applySizes();
}

PresentationWindow::~PresentationWindow() {
    qApp->removeEventFilter(this);
}

void PresentationWindow::setRun(std::shared_ptr<const core::Recording> recording,
                                const QString& title) {
    m_title = title;
    m_beats = recording ? models::lessonBeats(*recording) : std::vector<models::LessonBeat>{};
    m_scene->setRecording(std::move(recording));
    std::vector<qint64> stops;
    if (!m_beats.empty()) {
        for (const models::LessonBeat& beat : m_beats)
            stops.push_back(beat.timeUs);
        m_stepper->setAnimationMs(models::BeatStepper::kBeatAnimationMs);
    } else {
        // Without beats, every event is a stop.
        for (const std::int64_t t : m_player->events())
            stops.push_back(t);
        m_stepper->setAnimationMs(models::BeatStepper::kEventAnimationMs);
    }
    m_stepper->setStops(std::move(stops));
    updateCaption();
}

void PresentationWindow::setChinese(bool chinese) {
    m_chinese = chinese;
    updateCaption();
}

void PresentationWindow::setTheme(const QString& theme) {
    if (!models::LadderPalette::themes().contains(theme) || theme == m_theme)
        return;
    m_theme = theme;
    applyColours();
    applySizes();
    emit themeChanged(m_theme);
}

void PresentationWindow::setZoom(double zoom) {
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (zoom == m_zoom)
        return;
    m_zoom = zoom;
    applySizes();
    emit zoomChanged(m_zoom);
}

void PresentationWindow::zoomIn() {
    setZoom(m_zoom * kZoomStep);
}

void PresentationWindow::zoomOut() {
    setZoom(m_zoom / kZoomStep);
}

void PresentationWindow::applySizes() {
    // The room sees the picture at the projector's size: scale with the smaller ratio to
    // 1024x768, never below it.
    const double fit = std::max(1.0, std::min(width() / 1024.0, height() / 768.0));
    const double s = fit * m_zoom;
    m_ladder->setLook(kLadderFontScale * s, kLineScale * s, m_theme);
    QFont caption = font();
    caption.setPixelSize(int(std::lround(kCaptionPx * s)));
    m_caption->setFont(caption);
    const int pad = int(std::lround(12 * s));
    m_rule->setFixedHeight(std::max(3, int(std::lround(3 * s))));
    m_caption->setContentsMargins(pad * 2, pad, pad * 2, pad);
    // Room for two lines, so the ladder does not jump when a caption is short.
    m_caption->setMinimumHeight(int(std::ceil(QFontMetricsF(caption).lineSpacing() * 2)) + 2 * pad);
    QFont footer = font();
    footer.setPixelSize(int(std::lround(kFooterPx * s)));
    m_footer->setFont(footer);
    m_footer->setContentsMargins(pad * 2, pad / 3, pad * 2, pad / 2);
}

void PresentationWindow::applyColours() {
    using models::LadderPalette;
    const QColor ground = LadderPalette::named(QStringLiteral("background"), m_theme);
    const QColor banner = LadderPalette::named(QStringLiteral("banner"), m_theme);
    const QColor ink = LadderPalette::named(QStringLiteral("arrow"), m_theme);
    const QColor rule = LadderPalette::named(QStringLiteral("breakLine"), m_theme);
    const QColor accent = LadderPalette::named(QStringLiteral("highlight"), m_theme);
    const auto paint = [](QWidget* w, const QColor& window, const QColor& text) {
        QPalette p = w->palette();
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        w->setPalette(p);
        w->setAutoFillBackground(true);
    };
    paint(this, ground, ink);
    paint(m_rule, accent, accent);
    paint(m_caption, banner, ink);
    paint(m_footer, banner, rule);
}

std::pair<double, double> PresentationWindow::visibleRange() const {
    QQuickItem* root = m_ladder->quickWidget()->rootObject();
    auto* flick = root ? root->findChild<QQuickItem*>(QStringLiteral("ladderFlickable")) : nullptr;
    if (!flick)
        return {0, 0};
    const double from = flick->property("contentY").toDouble();
    return {from, from + flick->height()};
}

std::pair<double, double> PresentationWindow::beatRange() const {
    const int current = m_stepper->current();
    QQuickItem* root = m_ladder->quickWidget()->rootObject();
    if (!root || current < 0 || current >= int(m_beats.size()))
        return {0, 0};
    const double unit = root->property("unitPx").toDouble();
    const double top = root->property("topMargin").toDouble();
    const auto y = [&](qint64 us) { return top + m_player->toDisplay(us) * unit; };
    const models::LessonBeat& beat = m_beats[std::size_t(current)];
    double first = y(beat.timeUs);
    double last = first;
    for (const auto& [sent, arrived] : beat.focusUs) {
        first = std::min(first, y(sent));
        last = std::max(last, y(arrived));
    }
    return {first, last};
}

QString PresentationWindow::captionText() const {
    const int current = m_stepper->current();
    if (!m_beats.empty() && m_stepper->atStop() && current < int(m_beats.size()))
        return m_beats[std::size_t(current)].caption(m_chinese);
    const QString note = m_scene->noteText();
    if (current < 0 && (note.isEmpty() || m_player->atStart()))
        return m_title;
    return note;
}

void PresentationWindow::updateCaption() {
    m_caption->setText(captionText());
    const int current = m_stepper->current();
    const int count = m_stepper->count();
    QString where;
    if (!m_digits.isEmpty())
        where = tr("Go to beat %1…").arg(m_digits);
    else if (current < 0)
        where = m_beats.empty() ? tr("Start: → for the first step") : tr("Start: → for beat 1");
    else if (!m_beats.empty())
        where = tr("Beat %1 of %2").arg(current + 1).arg(count);
    else
        where = tr("Step %1 of %2").arg(current + 1).arg(count);
    m_footer->setText(
        tr("%1   ·   t = %2   ·   %3").arg(where, models::formatTime(m_player->timeUs()), m_title));
}

void PresentationWindow::setBlanked(bool blanked) {
    m_blanked = blanked;
    m_blank->setGeometry(rect());
    m_blank->setVisible(blanked);
    if (blanked)
        m_blank->raise();
}

void PresentationWindow::addKeySource(QWidget* window) {
    if (window && window != this && !m_keySources.contains(window))
        m_keySources.append(window);
}

bool PresentationWindow::handleKey(QKeyEvent* event) {
    if (m_blanked) {
        // Any key brings the picture back, and does nothing else.
        setBlanked(false);
        return true;
    }
    const int key = event->key();
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (ctrl) {
        switch (key) {
            case Qt::Key_Equal:
            case Qt::Key_Plus:
                zoomIn();
                return true;
            case Qt::Key_Minus:
                zoomOut();
                return true;
            case Qt::Key_0:
                setZoom(1.0);
                return true;
            default:
                return false;
        }
    }
    if (key >= Qt::Key_0 && key <= Qt::Key_9) {
        if (m_digits.size() < 4)
            m_digits += QChar(u'0' + (key - Qt::Key_0));
        updateCaption();
        return true;
    }
    switch (key) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (!m_digits.isEmpty()) {
                const int beat = m_digits.toInt();
                m_digits.clear();
                m_stepper->jumpTo(beat - 1);
                updateCaption();
                return true;
            }
            m_stepper->next();
            return true;
        case Qt::Key_PageDown:
        case Qt::Key_Right:
        case Qt::Key_Down:
        case Qt::Key_Space:
            m_stepper->next();
            return true;
        case Qt::Key_PageUp:
        case Qt::Key_Left:
        case Qt::Key_Up:
        case Qt::Key_Backspace:
            m_stepper->previous();
            return true;
        case Qt::Key_Home:
            m_stepper->first();
            return true;
        case Qt::Key_End:
            m_stepper->last();
            return true;
        case Qt::Key_B:
        case Qt::Key_Period:
            setBlanked(true);
            return true;
        case Qt::Key_P:
            emit presenterViewRequested();
            return true;
        case Qt::Key_Escape:
            if (!m_digits.isEmpty()) {
                m_digits.clear();
                updateCaption();
                return true;
            }
            emit exitRequested();
            return true;
        default:
            return false;
    }
}

bool PresentationWindow::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if ((type == QEvent::KeyPress || type == QEvent::ShortcutOverride) && watched->isWidgetType()) {
        QWidget* window = static_cast<QWidget*>(watched)->window();
        if (isVisible() && (window == this || m_keySources.contains(window))) {
            if (type == QEvent::ShortcutOverride) {
                // No shortcut fires in these windows: every key arrives as a key press, here
                // first, before a focused widget (a list's arrows) can take it.
                event->accept();
                return true;
            }
            if (handleKey(static_cast<QKeyEvent*>(event)))
                return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PresentationWindow::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    applySizes();
    m_blank->setGeometry(rect());
}

void PresentationWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PresentationWindow::retranslate() {
    m_ladder->engine()->retranslate();
    m_scene->retranslate();
    setWindowTitle(tr("Presentation — %1").arg(m_title));
    updateCaption();
}

}  // namespace closelab::widgets
