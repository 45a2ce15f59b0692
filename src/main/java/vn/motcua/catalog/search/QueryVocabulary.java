package vn.motcua.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import vn.motcua.platform.text.DataFiles;

/**
 * How citizens say things versus how procedures are named: everyday words and abbreviations, each with the official
 * wording it stands for ({@code sổ đỏ => giấy chứng nhận quyền sử dụng đất}), and the filler words of a question
 * ({@code cần}, {@code gì}, {@code thủ tục}) that say nothing about which procedure is meant. Both are data files
 * under {@code catalog/search/}, folded with the index's analyzer when loaded.
 */
public final class QueryVocabulary {

    /** A folded phrase and the folded official wordings it may stand for. */
    public record Expansion(List<String> phrase, List<List<String>> meanings) {
    }

    private final List<Expansion> expansions;
    private final List<List<String>> fillers;
    private final List<Pattern> exactFillers;

    QueryVocabulary(List<Expansion> expansions, List<List<String>> fillers, List<Pattern> exactFillers) {
        this.expansions = expansions;
        this.fillers = fillers;
        this.exactFillers = exactFillers;
    }

    public static QueryVocabulary load(Analyzer analyzer) {
        List<Expansion> expansions = new ArrayList<>();
        for (String line : DataFiles.lines("catalog/search/synonyms.txt")) {
            String[] sides = line.split("=>", 2);
            if (sides.length != 2) {
                throw new IllegalStateException("Bad synonym line (expected 'phrase => meaning | meaning'): " + line);
            }
            List<List<String>> meanings = new ArrayList<>();
            for (String meaning : sides[1].split("\\|")) {
                meanings.add(tokens(analyzer, meaning));
            }
            for (String phrase : sides[0].split(",")) {
                expansions.add(new Expansion(tokens(analyzer, phrase), meanings));
            }
        }
        List<List<String>> fillers = new ArrayList<>();
        List<Pattern> exactFillers = new ArrayList<>();
        for (String line : DataFiles.lines("catalog/search/fillers.txt")) {
            if (line.startsWith("=")) {
                exactFillers.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(line.substring(1).strip().toLowerCase(Locale.ROOT))
                        + "(?![\\p{L}\\p{N}])"));
            } else {
                fillers.add(tokens(analyzer, line));
            }
        }
        // Longest first, so that "cần những gì" goes before "gì".
        fillers.sort((a, b) -> b.size() - a.size());
        return new QueryVocabulary(List.copyOf(expansions), List.copyOf(fillers), List.copyOf(exactFillers));
    }

    /** The official wordings that phrases inside the query stand for. */
    public List<List<String>> meaningsIn(List<String> query) {
        List<List<String>> found = new ArrayList<>();
        expansionsIn(query).forEach(e -> found.addAll(e.meanings()));
        return found;
    }

    /** The everyday phrases inside the query, each with the official wordings it stands for. */
    public List<Expansion> expansionsIn(List<String> query) {
        List<Expansion> found = new ArrayList<>();
        for (Expansion e : expansions) {
            if (Collections.indexOfSubList(query, e.phrase()) >= 0) {
                found.add(e);
            }
        }
        return found;
    }

    /**
     * The query text without the filler words that are only fillers when written with their diacritics ("làm" is,
     * "lam" may be "lâm"); the text itself when nothing else would remain.
     */
    public String withoutExactFillers(String text) {
        String rest = text.toLowerCase(Locale.ROOT);
        for (Pattern filler : exactFillers) {
            rest = filler.matcher(rest).replaceAll(" ");
        }
        return rest.isBlank() ? text : rest;
    }

    /** The query without the filler phrases of a question; the query itself when nothing else would remain. */
    public List<String> withoutFillers(List<String> query) {
        List<String> rest = new ArrayList<>(query);
        for (List<String> filler : fillers) {
            int at;
            while ((at = Collections.indexOfSubList(rest, filler)) >= 0) {
                rest.subList(at, at + filler.size()).clear();
            }
        }
        return rest.isEmpty() ? query : List.copyOf(rest);
    }

    public static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
