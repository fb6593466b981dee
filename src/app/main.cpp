// closelab: wires the libraries together; all behaviour lives in src/ libraries.
#include <QtQml/qqmlextensionplugin.h>
#include <QApplication>
#include <QCommandLineParser>
#include <QImage>
#include <QPixmap>
#include <QRegularExpression>

#include <cstdio>

#include "core/version.h"
#include "widgets/main_window.h"

Q_IMPORT_QML_PLUGIN(CloselabPlugin)

namespace {

int usageError(const QString& message) {
    std::fprintf(stderr, "closelab: %s\n", qPrintable(message));
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    // Parse before QApplication exists, so bad arguments fail fast even without a display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("closelab — TCP close lab"));
    const QCommandLineOption helpOpt({QStringLiteral("h"), QStringLiteral("help")},
                                     QStringLiteral("Show this help and exit."));
    const QCommandLineOption versionOpt({QStringLiteral("v"), QStringLiteral("version")},
                                        QStringLiteral("Show the version and exit."));
    const QCommandLineOption langOpt(QStringLiteral("lang"),
                                     QStringLiteral("User interface language: en or zh_CN."),
                                     QStringLiteral("LANG"));
    const QCommandLineOption shotOpt(
        QStringLiteral("screenshot"),
        QStringLiteral("Render the main window offscreen to FILE.png and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption sizeOpt(QStringLiteral("size"),
                                     QStringLiteral("Window size for --screenshot, e.g. 1366x768."),
                                     QStringLiteral("WxH"), QStringLiteral("1366x768"));
    parser.addOptions({helpOpt, versionOpt, langOpt, shotOpt, sizeOpt});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    const QByteArray version(closelab::core::version().data(),
                             qsizetype(closelab::core::version().size()));
    if (parser.isSet(helpOpt)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(versionOpt)) {
        std::printf("closelab %s\n", version.constData());
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (parser.isSet(langOpt)) {
        const QString lang = parser.value(langOpt);
        if (lang != QLatin1String("en") && lang != QLatin1String("zh_CN"))
            return usageError(QStringLiteral("--lang must be en or zh_CN, got '%1'").arg(lang));
    }
    static const QRegularExpression sizeRe(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const auto sizeMatch = sizeRe.match(parser.value(sizeOpt));
    if (!sizeMatch.hasMatch())
        return usageError(
            QStringLiteral("--size must look like 1366x768, got '%1'").arg(parser.value(sizeOpt)));
    const QSize size(sizeMatch.captured(1).toInt(), sizeMatch.captured(2).toInt());

    // --screenshot renders offscreen: pick the platform before QApplication exists.
    if (parser.isSet(shotOpt) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("closelab"));
    QApplication::setOrganizationName(QStringLiteral("closelab"));
    QApplication::setApplicationVersion(QString::fromLatin1(version));

    closelab::widgets::MainWindow window;
    window.resize(size);
    if (parser.isSet(shotOpt)) {
        window.show();
        QApplication::processEvents();
        const QString file = parser.value(shotOpt);
        if (!window.grab().save(file, "PNG")) {
            std::fprintf(stderr, "closelab: cannot write screenshot to %s\n", qPrintable(file));
            return 1;
        }
        return 0;
    }
    window.show();
    return QApplication::exec();
}
