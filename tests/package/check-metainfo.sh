#!/usr/bin/env bash
# The AppStream metainfo validates offline (appstreamcli --no-net, pedantic: only "P:" hints may
# remain), the staged tree is consistent (file name = id, the desktop entry exists), its newest
# release is the project's version, and every translatable element is in English and zh_CN.
set -euo pipefail
stage=$1 id=$2 version=$3
file=$stage/usr/share/metainfo/$id.metainfo.xml
fail=0
for args in "validate --no-net --pedantic $file" "validate-tree --no-net --pedantic $stage"; do
    # shellcheck disable=SC2086
    if ! out=$(appstreamcli $args 2>&1); then
        echo "FAIL: appstreamcli $args:"; echo "$out"; fail=1
    elif printf '%s\n' "$out" | grep -qE '^[EWI]: '; then
        echo "FAIL: appstreamcli $args reports issues:"; echo "$out"; fail=1
    fi
done
# Perl (Essential in Debian) reads the file whole: releases, languages, Chinese text.
CL_VERSION=$version CL_ID=$id perl -CSD -0777 -ne '
    my ($version, $id) = ($ENV{CL_VERSION}, $ENV{CL_ID});
    my $fail = 0;
    m{<id>\Q$id\E</id>} or do { print "FAIL: <id> is not $id\n"; $fail = 1 };
    m{<launchable type="desktop-id">\Q$id\E\.desktop</launchable>}
        or do { print "FAIL: launchable is not $id.desktop\n"; $fail = 1 };
    my @releases = m{<release version="([^"]+)"}g;
    if (!@releases || $releases[0] ne $version) {
        printf "FAIL: the newest <release> is %s, the project version is %s\n",
            ($releases[0] // "missing"), $version;
        $fail = 1;
    }
    for my $bin ("closelab", "closelab-cli") {
        m{<binary>\Q$bin\E</binary>} or do { print "FAIL: <provides> lacks $bin\n"; $fail = 1 };
    }
    m{<content_rating type="oars-1\.[01]"} or do { print "FAIL: no OARS rating\n"; $fail = 1 };
    my @langs = m{xml:lang="([^"]*)"}g;
    for my $l (@langs) { $l eq "zh_CN" or do { print "FAIL: unexpected xml:lang=\"$l\"\n"; $fail = 1 } }
    # Each English element is followed by its zh_CN translation, whose text is Chinese.
    my %count;
    my @seq;
    while (m{<(name|summary|p|li|caption)( xml:lang="zh_CN")?>(.*?)</\1>}gs) {
        push @seq, [$1, defined $2 ? "zh_CN" : "en", $3];
    }
    for (my $i = 0; $i < @seq; $i++) {
        my ($tag, $lang, $text) = @{$seq[$i]};
        $count{"$tag $lang"}++;
        if ($lang eq "en") {
            my $next = $seq[$i + 1];
            if (!$next || $next->[0] ne $tag || $next->[1] ne "zh_CN") {
                (my $t = $text) =~ s/\s+/ /g;
                print "FAIL: <$tag> \"", substr($t, 0, 60), "\" has no zh_CN translation after it\n";
                $fail = 1;
            }
        } elsif ($text !~ /\p{Han}/) {
            print "FAIL: <$tag xml:lang=\"zh_CN\"> has no Chinese text\n";
            $fail = 1;
        }
    }
    for my $tag (qw(name summary p caption)) {
        ($count{"$tag en"} // 0) > 0 or do { print "FAIL: no <$tag>\n"; $fail = 1 };
    }
    if (!$fail) {
        print "ok: release $version; ", join(", ", map { "$_ $count{$_}" } sort keys %count), "\n";
    }
    exit $fail;
' "$file" || fail=1
exit $fail
