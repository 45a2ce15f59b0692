package vn.motcua.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.catalog.SearchHit;
import vn.motcua.catalog.SearchHit.Highlight;
import vn.motcua.platform.text.DataFiles;
import vn.motcua.platform.text.VietnameseText;

/**
 * An in-memory Lucene index of the catalog. It is small (a province has about 2,000 procedures), so it is rebuilt
 * whole whenever the catalog changes and swapped in atomically; searches never wait for a rebuild.
 *
 * <p>Lucene finds the candidates by BM25 over folded syllables: the name counts most, then the field, then the
 * rest of the record (documents, result, agency) and the questions people ask for the procedure
 * ({@code phrasings.tsv}). Whole-phrase matches on the name add to the score, so word order still helps when it
 * agrees with the name without being needed. Everyday words and abbreviations add the official phrase they stand for;
 * words of four letters or more also match with one typo, at a lower weight. The best candidates are then ranked
 * again by how much of the question each one covers (see {@link #rerankedScore}).
 */
@org.springframework.stereotype.Component
public class ProcedureSearch {

    private static final String CODE = "code", NAME = "name", FIELD = "field", BODY = "body", ASKED = "asked";
    /** Hits scoring under this share of the best hit are left out. */
    private static final float RELEVANT_SHARE = 0.2f;
    /** How many of Lucene's best hits are re-ranked by coverage. */
    private static final int RERANKED = 30;
    /**
     * Weights of the final score, chosen on the development set of labelled questions (see the assistant's
     * evaluation): the share of the BM25 score, the penalty for name words the query did not ask for, the worth of a
     * query word found in the field, elsewhere in the record, or in the questions people ask for the procedure rather
     * than in its name, of a typo's stand-in, and the penalty for a procedure whose name rules out the age asked about.
     */
    private static final double BM25_SHARE = 0.3, EXTRA_PENALTY = 0.2, IN_FIELD = 0.7, IN_RECORD = 0.5, IN_ASKED = 0.8,
            TYPO_WEIGHT = 0.8;
    private static final float AGE_MISFIT = 0.1f;
    /** An age asked about ("con 15 tuổi"), in the folded query. */
    private static final Pattern AGE = Pattern.compile("(\\d{1,3}) tuoi");

    private final Analyzer analyzer = new FoldingAnalyzer();
    private final QueryVocabulary vocabulary = QueryVocabulary.load(analyzer);
    /** How people ask for each procedure, by code: {@code catalog/search/phrasings.tsv}. */
    private final Map<String, String> phrasings = phrasings();
    private volatile Snapshot snapshot = new Snapshot(null, Map.of(), Map.of(), Map.of());

    private record Snapshot(IndexSearcher searcher, Map<String, ProcedureSummary> byCode, Map<String, Terms> terms,
                            Map<String, Integer> documentFrequency) {

        /** How telling a term is: rare terms tell more (BM25's inverse document frequency). */
        double idf(String term) {
            int df = documentFrequency.getOrDefault(term, 0);
            return Math.log(1 + (byCode.size() - df + 0.5) / (df + 0.5));
        }
    }

    /** The folded terms of a procedure's name, its field, all of its record, and the questions people ask for it. */
    private record Terms(Set<String> name, Set<String> nameAndField, Set<String> all, Set<String> asked, AgeLimit age) {
    }

    /** "dưới 14 tuổi" or "từ đủ 14 tuổi trở lên" in a procedure's name: the ages it is for. */
    private record AgeLimit(int from, int below) {

        private static final Pattern BELOW = Pattern.compile("duoi (\\d+) tuoi");
        private static final Pattern FROM = Pattern.compile("du (\\d+) tuoi");

        static AgeLimit in(String foldedName) {
            Matcher below = BELOW.matcher(foldedName);
            Matcher from = FROM.matcher(foldedName);
            return new AgeLimit(from.find() ? Integer.parseInt(from.group(1)) : 0,
                    below.find() ? Integer.parseInt(below.group(1)) : Integer.MAX_VALUE);
        }

        boolean any() {
            return from == 0 && below == Integer.MAX_VALUE;
        }

        boolean fits(int age) {
            return age >= from && age < below;
        }
    }

    /** Replaces the index with one built from these procedures. */
    public void rebuild(List<Procedure> procedures) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        Map<String, ProcedureSummary> byCode = new HashMap<>();
        Map<String, Terms> terms = new HashMap<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Procedure p : procedures) {
                Document doc = new Document();
                doc.add(new StringField(CODE, p.code(), Field.Store.YES));
                doc.add(new TextField(NAME, p.name(), Field.Store.NO));
                doc.add(new TextField(FIELD, p.field(), Field.Store.NO));
                doc.add(new TextField(BODY, body(p), Field.Store.NO));
                String asked = phrasings.getOrDefault(p.code(), "");
                doc.add(new TextField(ASKED, asked, Field.Store.NO));
                writer.addDocument(doc);
                byCode.put(p.code(), ProcedureSummary.of(p));
                Set<String> name = Set.copyOf(QueryVocabulary.tokens(analyzer, p.name()));
                Set<String> nameAndField = new HashSet<>(name);
                nameAndField.addAll(QueryVocabulary.tokens(analyzer, p.field()));
                Set<String> all = new HashSet<>(nameAndField);
                all.addAll(QueryVocabulary.tokens(analyzer, body(p)));
                Set<String> askedTerms = Set.copyOf(vocabulary.withoutFillers(QueryVocabulary.tokens(analyzer, asked)));
                terms.put(p.code(), new Terms(name, Set.copyOf(nameAndField), Set.copyOf(all), askedTerms,
                        AgeLimit.in(VietnameseText.fold(p.name()))));
                all.forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            snapshot = new Snapshot(new IndexSearcher(DirectoryReader.open(directory)), Map.copyOf(byCode),
                    Map.copyOf(terms), Map.copyOf(documentFrequency));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return snapshot.byCode().size();
    }

    /** The best matches for a query as people type it, best first. */
    public List<SearchHit> search(String text, int limit) {
        Snapshot current = snapshot;
        if (current.searcher() == null || text == null || text.isBlank() || limit <= 0) {
            return List.of();
        }
        List<String> words = QueryVocabulary.tokens(analyzer, vocabulary.withoutExactFillers(text));
        if (words.isEmpty()) {
            return List.of();
        }
        List<String> meaningful = vocabulary.withoutFillers(words);
        List<QueryVocabulary.Expansion> expansions = vocabulary.expansionsIn(meaningful);
        List<List<String>> meanings = expansions.stream().flatMap(e -> e.meanings().stream()).toList();
        Query query = query(text.strip(), meaningful, meanings);
        try {
            TopDocs top = current.searcher().search(query, Math.max(limit, RERANKED));
            Set<String> marked = new HashSet<>(meaningful);
            meanings.forEach(marked::addAll);
            List<Group> groups = groups(current, meaningful, expansions);
            Matcher age = AGE.matcher(VietnameseText.fold(text));
            Integer askedAge = age.find() ? Integer.valueOf(age.group(1)) : null;
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                if (sd.score < top.scoreDocs[0].score * RELEVANT_SHARE) {
                    break; // the long tail that shares only a common word with the query
                }
                String code = current.searcher().storedFields().document(sd.doc, Set.of(CODE)).get(CODE);
                ProcedureSummary summary = current.byCode().get(code);
                Terms terms = current.terms().get(code);
                float score = rerankedScore(sd.score / top.scoreDocs[0].score, terms, groups, marked);
                if (askedAge != null && !terms.age().any()) {
                    score -= terms.age().fits(askedAge) ? 0 : AGE_MISFIT; // "con 15 tuổi" is not "dưới 14 tuổi"
                }
                hits.add(new SearchHit(summary, score, highlight(summary.name(), marked)));
            }
            hits.sort((a, b) -> Float.compare(b.score(), a.score()));
            return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Something the query asks for, and how telling it is: a word of the query, or an everyday phrase with the
     * official wordings it stands for (any one of them will do).
     */
    private record Group(List<List<String>> alternatives, double weight) {
    }

    private static List<Group> groups(Snapshot s, List<String> words, List<QueryVocabulary.Expansion> expansions) {
        List<Group> groups = new ArrayList<>();
        Set<String> explained = new HashSet<>();
        for (QueryVocabulary.Expansion e : expansions) {
            List<List<String>> alternatives = new ArrayList<>(e.meanings());
            alternatives.add(e.phrase());
            double weight = alternatives.stream().mapToDouble(a -> a.stream().mapToDouble(s::idf).average().orElse(0))
                    .max().orElse(0);
            groups.add(new Group(alternatives, weight));
            explained.addAll(e.phrase());
        }
        for (String word : new LinkedHashSet<>(words)) {
            if (explained.contains(word)) {
                continue;
            }
            if (s.documentFrequency().containsKey(word)) {
                groups.add(new Group(List.of(List.of(word)), s.idf(word)));
            } else if (word.length() >= 4) {
                // A typo: the indexed term one edit away that most procedures use stands in for it, at a lower weight.
                s.documentFrequency().keySet().stream().filter(t -> oneEditApart(word, t))
                        .max((a, b) -> s.documentFrequency().get(a) - s.documentFrequency().get(b))
                        .ifPresent(t -> groups.add(new Group(List.of(List.of(t)), TYPO_WEIGHT * s.idf(t))));
            }
        }
        return groups;
    }

    /**
     * Blends the BM25 score (relative to the best) with how much of what the query asks for the procedure's record
     * covers, word for word, weighted by how telling each word is; less whatever the name says that the query does
     * not. BM25 alone lets one rare word outweigh all the others; coverage restores that the procedure that explains
     * the whole question comes first.
     */
    private static float rerankedScore(float relative, Terms terms, List<Group> groups, Set<String> queryTerms) {
        double total = 0, covered = 0;
        for (Group g : groups) {
            total += g.weight();
            double level = 0;
            for (List<String> alternative : g.alternatives()) {
                if (terms.name().containsAll(alternative)) {
                    level = 1;
                } else if (terms.nameAndField().containsAll(alternative)) {
                    level = Math.max(level, IN_FIELD);
                } else if (terms.all().containsAll(alternative)) {
                    level = Math.max(level, IN_RECORD);
                }
                if (terms.asked().containsAll(alternative)) {
                    level = Math.max(level, IN_ASKED);
                }
            }
            covered += g.weight() * level;
        }
        double coverage = total == 0 ? 0 : covered / total;
        long unasked = terms.name().stream().filter(t -> !queryTerms.contains(t)).count();
        double extra = terms.name().isEmpty() ? 0 : (double) unasked / terms.name().size();
        return (float) (BM25_SHARE * relative + (1 - BM25_SHARE) * coverage - EXTRA_PENALTY * extra);
    }

    static boolean oneEditApart(String a, String b) {
        int la = a.length(), lb = b.length();
        if (Math.abs(la - lb) > 1 || a.equals(b)) {
            return false;
        }
        int i = 0, j = 0, edits = 0;
        while (i < la && j < lb) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (la == lb && i + 1 < la && a.charAt(i) == b.charAt(j + 1) && a.charAt(i + 1) == b.charAt(j)) {
                i += 2; // two letters swapped
                j += 2;
            } else if (la > lb) {
                i++;
            } else if (lb > la) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (la - i) + (lb - j) <= 1;
    }

    private Query query(String raw, List<String> words, List<List<String>> meanings) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(new BoostQuery(new TermQuery(new Term(CODE, raw)), 50f), Occur.SHOULD);
        for (String word : new LinkedHashSet<>(words)) {
            query.add(new BoostQuery(new TermQuery(new Term(NAME, word)), 3f), Occur.SHOULD);
            query.add(new BoostQuery(new TermQuery(new Term(FIELD, word)), 1.2f), Occur.SHOULD);
            query.add(new BoostQuery(new TermQuery(new Term(BODY, word)), 0.5f), Occur.SHOULD);
            query.add(new TermQuery(new Term(ASKED, word)), Occur.SHOULD);
            if (word.length() >= 4 && !word.chars().allMatch(Character::isDigit)) {
                query.add(new BoostQuery(new FuzzyQuery(new Term(NAME, word), 1, 1), 0.8f), Occur.SHOULD);
            }
        }
        if (words.size() > 1) {
            query.add(new BoostQuery(phrase(NAME, words, 2), 4f), Occur.SHOULD);
        }
        for (List<String> meaning : meanings) {
            if (meaning.size() == 1) {
                query.add(new BoostQuery(new TermQuery(new Term(NAME, meaning.getFirst())), 4f), Occur.SHOULD);
            } else {
                query.add(new BoostQuery(phrase(NAME, meaning, 1), 6f), Occur.SHOULD);
                query.add(new BoostQuery(phrase(BODY, meaning, 1), 1f), Occur.SHOULD);
            }
        }
        return query.build();
    }

    private static Query phrase(String field, List<String> words, int slop) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(slop);
        words.forEach(w -> phrase.add(new Term(field, w)));
        return phrase.build();
    }

    private static Map<String, String> phrasings() {
        Map<String, StringBuilder> byCode = new HashMap<>();
        for (String line : DataFiles.lines("catalog/search/phrasings.tsv")) {
            String[] parts = line.split("\t", 2);
            if (parts.length != 2) {
                throw new IllegalStateException("catalog/search/phrasings.tsv: expected 'code<TAB>question': " + line);
            }
            byCode.computeIfAbsent(parts[0].strip(), code -> new StringBuilder()).append(parts[1].strip()).append('\n');
        }
        Map<String, String> phrasings = new HashMap<>();
        byCode.forEach((code, text) -> phrasings.put(code, text.toString()));
        return Map.copyOf(phrasings);
    }

    private static String body(Procedure p) {
        StringBuilder body = new StringBuilder(p.implementingAgency()).append('\n').append(p.result());
        p.documents().forEach(d -> body.append('\n').append(d.name()));
        if (p.requirements() != null) {
            body.append('\n').append(p.requirements());
        }
        return body.toString();
    }

    /** Cuts the name into pieces, marking the words whose folded form is one of the query's words. */
    List<Highlight> highlight(String name, Set<String> words) {
        List<Highlight> pieces = new ArrayList<>();
        int done = 0;
        int markStart = -1, markEnd = -1;
        try (TokenStream stream = analyzer.tokenStream(NAME, name)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (!words.contains(term.toString())) {
                    continue;
                }
                if (markStart >= 0 && name.substring(markEnd, offset.startOffset()).isBlank()) {
                    markEnd = offset.endOffset();
                    continue;
                }
                if (markStart >= 0) {
                    done = flush(name, pieces, done, markStart, markEnd);
                }
                markStart = offset.startOffset();
                markEnd = offset.endOffset();
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (markStart >= 0) {
            done = flush(name, pieces, done, markStart, markEnd);
        }
        if (done < name.length()) {
            pieces.add(new Highlight(name.substring(done), false));
        }
        return pieces;
    }

    private static int flush(String name, List<Highlight> pieces, int done, int start, int end) {
        if (start > done) {
            pieces.add(new Highlight(name.substring(done, start), false));
        }
        pieces.add(new Highlight(name.substring(start, end), true));
        return end;
    }
}
