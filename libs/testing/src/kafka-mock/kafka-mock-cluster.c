/*
 * Starts a librdkafka mock cluster for tests and keeps it alive until stdin closes.
 *
 * Usage: kafka-mock-cluster [--brokers N] [--topic name:partitions]...
 *
 * Prints "BOOTSTRAP <host:port,...>" once the cluster and the requested topics exist, then answers
 * each stdin line with exactly one "OK ..." or "ERR <reason>" line:
 *   topic <name> <partitions>   create a topic (replication = min(3, brokers))
 *   down <brokerId>             disconnect a broker and refuse new connections (ids start at 1)
 *   up <brokerId>               accept connections again
 *   quit                        reply, then exit (the cluster ends with the process)
 * Exits on stdin EOF, so the cluster never outlives the test process that owns the pipe.
 * librdkafka's own logs go to stderr.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#define MAX_BROKERS 3
#define MAX_LINE 1024

static int broker_count = 1;

static int parse_int(const char *text, int min, int max, int *out) {
        char *end = NULL;
        long value;

        errno = 0;
        value = strtol(text, &end, 10);
        if (errno != 0 || end == text || *end != '\0' || value < min || value > max)
                return -1;
        *out = (int)value;
        return 0;
}

static int replication_factor(void) {
        return broker_count < 3 ? broker_count : 3;
}

static rd_kafka_resp_err_t create_topic(rd_kafka_mock_cluster_t *mcluster, const char *name,
                                        int partitions) {
        return rd_kafka_mock_topic_create(mcluster, name, partitions, replication_factor());
}

__attribute__((format(printf, 1, 2))) static void reply(const char *format, ...) {
        va_list args;

        va_start(args, format);
        vprintf(format, args);
        va_end(args);
        putchar('\n');
        fflush(stdout);
}

/* Returns 1 when the launcher should exit. */
static int handle_command(rd_kafka_mock_cluster_t *mcluster, char *line) {
        char *saveptr = NULL;
        char *verb = strtok_r(line, " \t", &saveptr);
        char *arg1 = strtok_r(NULL, " \t", &saveptr);
        char *arg2 = strtok_r(NULL, " \t", &saveptr);
        char *extra = strtok_r(NULL, " \t", &saveptr);
        rd_kafka_resp_err_t err;
        int number;

        if (verb == NULL) {
                reply("ERR empty command");
                return 0;
        }

        if (strcmp(verb, "quit") == 0) {
                reply("OK quit");
                return 1;
        }

        if (strcmp(verb, "topic") == 0) {
                if (arg1 == NULL || arg2 == NULL || extra != NULL)
                        reply("ERR usage: topic <name> <partitions>");
                else if (parse_int(arg2, 1, 100000, &number) != 0)
                        reply("ERR invalid partition count: %s", arg2);
                else if ((err = create_topic(mcluster, arg1, number)) != RD_KAFKA_RESP_ERR_NO_ERROR)
                        reply("ERR topic %s: %s", arg1, rd_kafka_err2str(err));
                else
                        reply("OK topic %s %s", arg1, arg2);
                return 0;
        }

        if (strcmp(verb, "down") == 0 || strcmp(verb, "up") == 0) {
                int down = strcmp(verb, "down") == 0;

                if (arg1 == NULL || arg2 != NULL)
                        reply("ERR usage: %s <brokerId>", verb);
                /* Checked here for a clearer reason than the mock's "Broker not available". */
                else if (parse_int(arg1, 1, broker_count, &number) != 0)
                        reply("ERR unknown broker id: %s", arg1);
                else if ((err = down ? rd_kafka_mock_broker_set_down(mcluster, number)
                                     : rd_kafka_mock_broker_set_up(mcluster, number)) !=
                         RD_KAFKA_RESP_ERR_NO_ERROR)
                        reply("ERR %s: %s", verb, rd_kafka_err2str(err));
                else
                        reply("OK %s %s", verb, arg1);
                return 0;
        }

        if (strcmp(verb, "errors") == 0) {
                /* errors <apiKey> <errorCode>x<count>: the next <count> requests of that API fail. */
                int api_key, error_code, count;
                char *times = arg2 == NULL ? NULL : strchr(arg2, 'x');
                if (arg1 == NULL || times == NULL || extra != NULL)
                        reply("ERR usage: errors <apiKey> <errorCode>x<count>");
                else if (*times = '\0', parse_int(arg1, 0, 1000, &api_key) != 0 ||
                         parse_int(arg2, 1, 32767, &error_code) != 0 || parse_int(times + 1, 1, 1000, &count) != 0)
                        reply("ERR invalid errors arguments");
                else {
                        rd_kafka_resp_err_t errors[1000];
                        for (int i = 0; i < count; i++) errors[i] = (rd_kafka_resp_err_t)error_code;
                        rd_kafka_mock_push_request_errors_array(mcluster, (int16_t)api_key, (size_t)count, errors);
                        reply("OK errors %s %sx%d", arg1, arg2, count);
                }
                return 0;
        }

        reply("ERR unknown command: %s", verb);
        return 0;
}

static int create_initial_topic(rd_kafka_mock_cluster_t *mcluster, const char *spec) {
        char name[MAX_LINE];
        const char *colon = strrchr(spec, ':');
        size_t name_length;
        int partitions;
        rd_kafka_resp_err_t err;

        if (colon == NULL || colon == spec || (name_length = (size_t)(colon - spec)) >= sizeof(name) ||
            parse_int(colon + 1, 1, 100000, &partitions) != 0) {
                fprintf(stderr, "kafka-mock-cluster: invalid --topic '%s' (expected name:partitions)\n", spec);
                return -1;
        }
        memcpy(name, spec, name_length);
        name[name_length] = '\0';

        err = create_topic(mcluster, name, partitions);
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
                fprintf(stderr, "kafka-mock-cluster: creating topic %s failed: %s\n", name,
                        rd_kafka_err2str(err));
                return -1;
        }
        return 0;
}

int main(int argc, char **argv) {
        char errstr[512];
        char line[MAX_LINE];
        rd_kafka_conf_t *conf;
        rd_kafka_t *rk;
        rd_kafka_mock_cluster_t *mcluster;
        int i;
        int status = 0;

        for (i = 1; i < argc; i++) {
                if (strcmp(argv[i], "--brokers") == 0 && i + 1 < argc) {
                        if (parse_int(argv[++i], 1, MAX_BROKERS, &broker_count) != 0) {
                                fprintf(stderr, "kafka-mock-cluster: --brokers must be 1..%d\n", MAX_BROKERS);
                                return 2;
                        }
                } else if (strcmp(argv[i], "--topic") == 0 && i + 1 < argc) {
                        i++; /* Topics are created once the cluster exists. */
                } else {
                        fprintf(stderr, "kafka-mock-cluster: unexpected argument '%s'\n", argv[i]);
                        return 2;
                }
        }

        /* The handle only owns the cluster and never connects anywhere; warning level hides its
         * "no bootstrap.servers" notice but keeps the mock brokers' warnings and errors. */
        conf = rd_kafka_conf_new();
        if (rd_kafka_conf_set(conf, "log_level", "4", errstr, sizeof(errstr)) != RD_KAFKA_CONF_OK) {
                fprintf(stderr, "kafka-mock-cluster: %s\n", errstr);
                rd_kafka_conf_destroy(conf);
                return 1;
        }
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        if (rk == NULL) {
                fprintf(stderr, "kafka-mock-cluster: rd_kafka_new failed: %s\n", errstr);
                return 1;
        }

        mcluster = rd_kafka_mock_cluster_new(rk, broker_count);
        if (mcluster == NULL) {
                fprintf(stderr, "kafka-mock-cluster: rd_kafka_mock_cluster_new failed\n");
                rd_kafka_destroy(rk);
                return 1;
        }

        for (i = 1; i < argc; i++) {
                if (strcmp(argv[i], "--topic") == 0 && create_initial_topic(mcluster, argv[++i]) != 0) {
                        status = 1;
                        goto done;
                } else if (strcmp(argv[i], "--brokers") == 0) {
                        i++;
                }
        }

        printf("BOOTSTRAP %s\n", rd_kafka_mock_cluster_bootstraps(mcluster));
        fflush(stdout);

        while (fgets(line, sizeof(line), stdin) != NULL) {
                if (strchr(line, '\n') == NULL && !feof(stdin)) {
                        /* Keep one reply per line: drop the rest of an overlong line. */
                        int c;
                        while ((c = getchar()) != EOF && c != '\n')
                                ;
                        reply("ERR line too long");
                        continue;
                }
                line[strcspn(line, "\r\n")] = '\0';
                if (handle_command(mcluster, line))
                        break;
        }

done:
        /* No rd_kafka_mock_cluster_destroy(): it often blocks ~1 s on the mock thread's poll timeout, which
         * adds up over many test files. The kernel closes the listeners and frees everything anyway. */
        fflush(stdout);
        fflush(stderr);
        _exit(status);
}
