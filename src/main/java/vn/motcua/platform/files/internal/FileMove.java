package vn.motcua.platform.files.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves every stored file from one store to the other. Each file is copied unless the target already has it, then
 * read back from the target and checked against its hash, and only then removed from the source (unless asked to
 * keep it). So a move that stops half way, for whatever reason, is finished by running it again.
 */
@Component
public class FileMove {

    private static final Logger log = LoggerFactory.getLogger(FileMove.class);
    private static final int PAGE = 200;

    /**
     * What a move did.
     *
     * @param copied  files copied to the target and verified there
     * @param present files the target already had (from an earlier run), verified there
     * @param removed files removed from the source after their copy was verified
     * @param failed  files left in the source: unreadable, not matching their hash in the source or in the target
     */
    public record Report(String from, String to, long copied, long present, long removed, long failed) {
        @Override
        public String toString() {
            return "files move from %s to %s: %d copied, %d already there, %d removed from the source, %d failed"
                    .formatted(from, to, copied, present, removed, failed);
        }
    }

    public Report move(FileStorage from, FileStorage to, boolean keepSource) {
        long copied = 0, present = 0, removed = 0, failed = 0;
        String after = "";
        for (List<String> keys = from.keysAfter(after, PAGE); !keys.isEmpty(); keys = from.keysAfter(after, PAGE)) {
            for (String key : keys) {
                try {
                    if (to.exists(key)) {
                        present++;
                    } else {
                        byte[] content = from.get(key).orElseThrow(() -> new IllegalStateException("gone: " + key));
                        to.put(content);
                        copied++;
                    }
                    to.get(key).orElseThrow(() -> new IllegalStateException("not in the target after the copy"));
                    if (!keepSource) {
                        from.delete(key);
                        removed++;
                    }
                } catch (IllegalStateException e) { // a CorruptFileException among them
                    failed++;
                    log.error("File {} not moved: {}", key, e.getMessage());
                }
            }
            after = keys.getLast();
        }
        return new Report(from.describe(), to.describe(), copied, present, removed, failed);
    }
}
