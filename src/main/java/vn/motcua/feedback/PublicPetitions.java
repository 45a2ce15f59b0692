package vn.motcua.feedback;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import vn.motcua.feedback.internal.PetitionRepository;
import vn.motcua.platform.web.Paging;

/** The public's side of petitions: the answers published with the sender's consent, with the sender's initials only. */
@Service
public class PublicPetitions {

    static final int PUBLIC_PAGE_SIZE = 10;

    private final PetitionRecords records;
    private final PetitionRepository repository;

    PublicPetitions(PetitionRecords records, PetitionRepository repository) {
        this.records = records;
        this.repository = repository;
    }

    /** Published petitions with their answers, newest first, a page at a time (from 0). */
    public PublishedPage published(int page) {
        Paging paging = new Paging(Math.max(0, page), PUBLIC_PAGE_SIZE);
        int p = paging.page();
        List<PublishedPetition> items = repository.published(paging.offset(), PUBLIC_PAGE_SIZE).stream()
                .map(s -> new PublishedPetition(s.number(), initials(s.senderName()), s.procedureName(),
                        records.agencyName(s.agencyCode()), s.publishedQuestion(), s.answer(), s.receivedAt(),
                        s.closedAt(), s.publishedAt()))
                .toList();
        return new PublishedPage(items, repository.publishedCount(), p, PUBLIC_PAGE_SIZE);
    }

    public record PublishedPage(List<PublishedPetition> items, int total, int page, int size) {

        public boolean hasNext() {
            return (page + 1) * size < total;
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    /** "Nguyễn Văn An" → "N.V.A.": all the public page shows of a sender. */
    static String initials(String name) {
        StringBuilder s = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                s.append(word.substring(0, word.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT)).append('.');
            }
        }
        return s.toString();
    }
}
