package vn.motcua.catalog.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Splits Vietnamese text into syllables and folds case and diacritics, so that "Đăng ký", "đăng ký", "dang ky" and
 * "DANG KY" all index and search alike. ICU folding handles the tone and vowel marks; ASCII folding then catches
 * any letter ICU leaves (such as đ in some ICU versions).
 */
public final class FoldingAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new ICUFoldingFilter(tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
