package io.tickerpress.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a deploy does: which files to upload (and why), which remote files to delete, how many are unchanged.
 * A file is uploaded when the store lacks it, when the content hash stored with it differs from the local
 * file's (or none is stored), when its headers differ from what the rules give now, or with --force.
 */
public record DeployPlan(List<Upload> uploads, List<String> deletes, int unchanged) {
    public record Upload(LocalFile file, FileHeaders headers, Phase phase, String reason) {
    }

    public DeployPlan {
        uploads = List.copyOf(uploads);
        deletes = List.copyOf(deletes);
    }

    /**
     * @param remoteKeys every remote path under the prefix
     * @param remote the stored hash and headers of the remote paths the site also has
     */
    public static DeployPlan of(List<LocalFile> local, Set<String> remoteKeys, Map<String, RemoteObject> remote,
                                HeaderRules rules, boolean force) {
        List<Upload> uploads = new ArrayList<>();
        int unchanged = 0;
        Set<String> deletes = new TreeSet<>(remoteKeys);
        for (LocalFile f : local) {
            deletes.remove(f.path());
            FileHeaders headers = rules.forPath(f.path());
            RemoteObject r = remote.get(f.path());
            String reason;
            if (!remoteKeys.contains(f.path()) || r == null) {
                reason = "new";
            } else if (r.sha256() == null) {
                reason = "no content hash stored";
            } else if (!r.sha256().equalsIgnoreCase(f.sha256())) {
                reason = "changed";
            } else if (!headers.sameAs(r.contentType(), r.cacheControl(), r.contentEncoding())) {
                reason = "headers changed";
            } else if (force) {
                reason = "forced";
            } else {
                unchanged++;
                continue;
            }
            uploads.add(new Upload(f, headers, Phase.of(f.path()), reason));
        }
        uploads.sort(Comparator.comparing(Upload::phase).thenComparing(u -> u.file().path()));
        return new DeployPlan(uploads, new ArrayList<>(deletes), unchanged);
    }

    public long uploadBytes() {
        return uploads.stream().mapToLong(u -> u.file().size()).sum();
    }

    public boolean isEmpty() {
        return uploads.isEmpty() && deletes.isEmpty();
    }

    /** Uploads of one phase, in path order. */
    public List<Upload> uploads(Phase phase) {
        return uploads.stream().filter(u -> u.phase() == phase).toList();
    }
}
