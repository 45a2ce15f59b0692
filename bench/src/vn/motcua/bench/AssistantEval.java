package vn.motcua.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.MotCuaApplication;
import vn.motcua.assistant.Assistant;
import vn.motcua.assistant.EvaluationSet;

/**
 * Accuracy and speed of the assistant and of the search API on labelled questions: the training set
 * ({@code catalog/search/phrasings.tsv}, indexed by search, so its figures show the fit) and the held-out set
 * ({@code src/test/resources/assistant/questions-holdout.tsv}, the measure); see {@link EvaluationSet}. Starts the
 * application on a throw-away embedded PostgreSQL with the demo catalog, asks every question over HTTP of both {@code GET /api/v1/procedures/search} and
 * {@code POST /api/v1/assistant/ask}, and prints top-1 and top-3 accuracy, the misses, and the assistant's answer
 * time (in-process and over HTTP, without a language model).
 *
 * <p>Run: {@code bench/assistant-eval.sh [rounds]} (timing rounds over the whole set, default 10).
 */
public final class AssistantEval {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        System.setProperty("motcua.database.temporary", "true");
        System.setProperty("logging.level.root", "WARN");
        ConfigurableApplicationContext app = new SpringApplication(MotCuaApplication.class)
                .run("--spring.profiles.active=demo", "--server.port=0");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            for (String set : List.of(EvaluationSet.TRAINING, EvaluationSet.HOLDOUT)) {
                evaluate(app, port, set, rounds);
            }
        } finally {
            app.close();
        }
    }

    private static void evaluate(ConfigurableApplicationContext app, int port, String set, int rounds) throws Exception {
        List<EvaluationSet.Question> questions = EvaluationSet.load(set);
        HttpClient http = HttpClient.newHttpClient();
        System.out.printf("%n%s: %d questions about %d procedures%n", set, questions.size(),
                questions.stream().map(EvaluationSet.Question::expected).distinct().count());

        List<List<String>> searchAnswers = new ArrayList<>();
        List<List<String>> assistantAnswers = new ArrayList<>();
        long[] overHttp = new long[questions.size()];
        int followUps = 0;
        for (int i = 0; i < questions.size(); i++) {
            String q = questions.get(i).text();
            searchAnswers.add(codes(send(http, HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/procedures/search?limit=3&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).GET())
                    .path("items")));
            long start = System.nanoTime();
            JsonNode answer = send(http, HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/assistant/ask")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("question", q)))));
            overHttp[i] = System.nanoTime() - start;
            assistantAnswers.add(codes(answer.path("procedures")));
            if (!answer.path("followUp").isNull()) {
                followUps++;
            }
        }
        report("search API   ", questions, searchAnswers);
        report("assistant    ", questions, assistantAnswers);
        System.out.printf("assistant asked a follow-up question for %d of %d questions%n", followUps, questions.size());

        Assistant assistant = app.getBean(Assistant.class);
        long[] inProcess = new long[questions.size() * rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < questions.size(); i++) {
                long start = System.nanoTime();
                assistant.ask(questions.get(i).text(), null, null, Locale.forLanguageTag("vi"));
                inProcess[r * questions.size() + i] = System.nanoTime() - start;
            }
        }
        Latencies.print("assistant answer time, in-process (" + rounds + " rounds, first round included)", "answers",
                inProcess);
        Latencies.print("assistant answer time, HTTP POST /api/v1/assistant/ask (first pass, cold)", "answers",
                overHttp);

        System.out.println("\nmisses (expected, question, assistant's top 3):");
        for (int i = 0; i < questions.size(); i++) {
            List<String> got = assistantAnswers.get(i);
            if (got.isEmpty() || !got.getFirst().equals(questions.get(i).expected())) {
                System.out.printf("  %s  %s  -> %s%n", questions.get(i).expected(), questions.get(i).text(),
                        got.subList(0, Math.min(3, got.size())));
            }
        }
    }

    private static JsonNode send(HttpClient http, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static List<String> codes(JsonNode items) {
        List<String> codes = new ArrayList<>();
        items.forEach(item -> codes.add(item.path("code").asString()));
        return codes;
    }

    private static void report(String what, List<EvaluationSet.Question> questions, List<List<String>> answers) {
        EvaluationSet.Score score = EvaluationSet.score(questions, answers);
        System.out.printf("%s top-1 %.1f%% (%d/%d), top-3 %.1f%% (%d/%d)%n", what, 100 * score.top1(),
                score.top1Hits(), questions.size(), 100 * score.top3(), score.top3Hits(), questions.size());
    }

}
