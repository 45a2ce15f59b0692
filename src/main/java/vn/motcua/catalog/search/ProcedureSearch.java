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

/**
 * An in-memory Lucene index of the catalog. It is small (a province has about 2,000 procedures), so it is rebuilt
 * whole whenever the catalog changes and swapped in atomically; searches never wait for a rebuild.
 *
 * <p>Ranking is BM25 over folded syllables: the name counts most, then the field, then the rest of the record
 * (documents, result, agency). Whole-phrase matches on the name add to the score, so word order still helps when
 * it agrees with the name without being needed. Everyday words and abbreviations add the official phrase they
 * stand for; words of four letters or more also match with one typo, at a lower weight.
 */
@org.springframework.stereotype.Component
public class ProcedureSearch {

    private static final String CODE = "code", NAME = "name", FIELD = "field", BODY = "body";
    /** Hits scoring under this share of the best hit are left out. */
    private static final float RELEVANT_SHARE = 0.2f;

    private final Analyzer analyzer = new FoldingAnalyzer();
    private final QueryVocabulary vocabulary = QueryVocabulary.load(analyzer);
    private volatile Snapshot snapshot = new Snapshot(null, Map.of());

    private record Snapshot(IndexSearcher searcher, Map<String, ProcedureSummary> byCode) {
    }

    /** Replaces the index with one built from these procedures. */
    public void rebuild(List<Procedure> procedures) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        Map<String, ProcedureSummary> byCode = new HashMap<>();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Procedure p : procedures) {
                Document doc = new Document();
                doc.add(new StringField(CODE, p.code(), Field.Store.YES));
                doc.add(new TextField(NAME, p.name(), Field.Store.NO));
                doc.add(new TextField(FIELD, p.field(), Field.Store.NO));
                doc.add(new TextField(BODY, body(p), Field.Store.NO));
                writer.addDocument(doc);
                byCode.put(p.code(), ProcedureSummary.of(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            snapshot = new Snapshot(new IndexSearcher(DirectoryReader.open(directory)), Map.copyOf(byCode));
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
        List<List<String>> meanings = vocabulary.meaningsIn(words);
        Query query = query(text.strip(), meaningful, meanings);
        try {
            TopDocs top = current.searcher().search(query, limit);
            Set<String> marked = new HashSet<>(meaningful);
            meanings.forEach(marked::addAll);
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                if (sd.score < top.scoreDocs[0].score * RELEVANT_SHARE) {
                    break; // the long tail that shares only a common word with the query
                }
                String code = current.searcher().storedFields().document(sd.doc, Set.of(CODE)).get(CODE);
                ProcedureSummary summary = current.byCode().get(code);
                hits.add(new SearchHit(summary, sd.score, highlight(summary.name(), marked)));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query query(String raw, List<String> words, List<List<String>> meanings) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(new BoostQuery(new TermQuery(new Term(CODE, raw)), 50f), Occur.SHOULD);
        for (String word : new LinkedHashSet<>(words)) {
            query.add(new BoostQuery(new TermQuery(new Term(NAME, word)), 3f), Occur.SHOULD);
            query.add(new BoostQuery(new TermQuery(new Term(FIELD, word)), 1.2f), Occur.SHOULD);
            query.add(new BoostQuery(new TermQuery(new Term(BODY, word)), 0.5f), Occur.SHOULD);
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
