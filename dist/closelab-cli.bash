# bash completion for closelab-cli                                   -*- shell-script -*-
# Installed as completions/closelab-cli; bash-completion loads it on first use.
# Commands and flags follow `closelab-cli COMMAND --help` (tests/package checks them); scenario
# ids come from `closelab-cli list` at completion time.

_closelab_cli_options='net.ipv4.tcp_tw_reuse net.ipv4.tcp_tw_reuse_delay net.ipv4.tcp_timestamps
net.ipv4.tcp_fin_timeout net.ipv4.tcp_max_tw_buckets net.ipv4.tcp_rfc1337
net.ipv4.tcp_orphan_retries net.ipv4.tcp_retries2 net.ipv4.tcp_syn_retries
net.ipv4.tcp_tw_recycle net.ipv4.tcp_invalid_ratelimit net.ipv4.ip_local_port_range
net.ipv4.ip_local_reserved_ports SO_LINGER SO_REUSEADDR SO_REUSEPORT TCP_LINGER2
closelab.msl_ms closelab.time_wait_len_ms'

_closelab_cli_commands='list run load sweep kernel-run kernel-load compare live import capture quiz help'

# The flags of each command (quiz: of each quiz sub-command).
_closelab_cli_flags() {
    case $1 in
        list) echo '--format --help' ;;
        run) echo '--kernel --set --seed --format --help' ;;
        load) echo '--rate --poisson --count --duration --closer --peer-close --pool --clients
                    --nat --server-ports --rtt-ms --loss --loopback --kernel --set --sample-ms
                    --seed --connections --format --help' ;;
        sweep) echo '--param --values --from --to --steps --param2 --values2 --from2 --to2
                     --steps2 --jobs --rate --poisson --count --duration --closer --peer-close
                     --pool --clients --nat --server-ports --rtt-ms --loss --loopback --kernel
                     --set --sample-ms --seed --format --help' ;;
        kernel-run) echo '--set --until-ms --format --help' ;;
        kernel-load) echo '--rate --poisson --count --duration --closer --peer-close --clients
                           --server-ports --loopback --set --sample-ms --seed --connections
                           --format --help' ;;
        compare) echo '--set --until-ms --format --help' ;;
        live) echo '--interval-ms --samples --top --format --proc --help' ;;
        import) echo '--help' ;;
        capture) echo '--connection --format --help' ;;
        quiz-list) echo '--topic --format --bank --help' ;;
        quiz-show) echo '--seed --lang --format --bank --help' ;;
        quiz-answer) echo '--answer --seed --lang --format --bank --help' ;;
        quiz-check) echo '--seeds --help' ;;
    esac
}

_closelab_cli_scenarios() {
    "${1:-closelab-cli}" list --format text 2>/dev/null | while read -r id _; do
        printf '%s\n' "$id"
    done
}

_closelab_cli() {
    local cur prev words cword
    _init_completion -n =: || return

    if [[ $cword -eq 1 ]]; then
        COMPREPLY=($(compgen -W "$_closelab_cli_commands --help --version" -- "$cur"))
        return
    fi

    local cmd=${words[1]} key=${words[1]}
    if [[ $cmd == quiz ]]; then
        if [[ $cword -eq 2 ]]; then
            COMPREPLY=($(compgen -W 'list show answer check' -- "$cur"))
            return
        fi
        key=quiz-${words[2]}
    fi

    case $prev in
        --format)
            case $key in
                list | run | kernel-run | compare | capture | quiz-*) COMPREPLY=($(compgen -W 'json text' -- "$cur")) ;;
                *) COMPREPLY=($(compgen -W 'json csv' -- "$cur")) ;;
            esac
            return
            ;;
        --param | --param2)
            COMPREPLY=($(compgen -W 'rate duration port_range server_ports clients tcp_tw_reuse
                tcp_tw_reuse_delay tcp_max_tw_buckets tcp_fin_timeout peer_close_delay pool
                loss' -- "$cur"))
            return
            ;;
        --kernel)
            COMPREPLY=($(compgen -W 'linux-6 linux-4.9 rfc793' -- "$cur"))
            return
            ;;
        --closer)
            COMPREPLY=($(compgen -W 'client server' -- "$cur"))
            return
            ;;
        --peer-close)
            COMPREPLY=($(compgen -W 'normal never delay:' -- "$cur"))
            [[ ${COMPREPLY-} == delay: ]] && compopt -o nospace
            return
            ;;
        --lang)
            COMPREPLY=($(compgen -W 'en zh_CN' -- "$cur"))
            return
            ;;
        --set)
            # NAME=, or HOST.NAME= once a host name and a dot are typed.
            local host='' name=$cur
            if [[ $cur == *.* && $cur != net.* && $cur != closelab.* ]]; then
                host=${cur%%.*}.
                name=${cur#*.}
            fi
            local o
            COMPREPLY=()
            for o in $_closelab_cli_options; do
                [[ $o == "$name"* ]] && COMPREPLY+=("$host$o=")
            done
            compopt -o nospace
            return
            ;;
        --bank)
            _filedir json
            return
            ;;
        --rate | --count | --duration | --pool | --clients | --server-ports | --rtt-ms | --loss | \
            --sample-ms | --seed | --seeds | --until-ms | --interval-ms | --samples | --top | \
            --topic | --answer | --connection)
            return
            ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_closelab_cli_flags "$key")" -- "$cur"))
        return
    fi

    # The positional argument: a scenario id or a scenario file; a listing file for import.
    case $key in
        run | kernel-run | compare)
            COMPREPLY=($(compgen -W "$(_closelab_cli_scenarios "${words[0]}")" -- "$cur"))
            _filedir json
            ;;
        import)
            _filedir
            ;;
        capture)
            _filedir '@(pcap|pcapng|cap)'
            ;;
        quiz-check)
            _filedir json
            ;;
    esac
} &&
    complete -F _closelab_cli closelab-cli

# ex: filetype=sh
