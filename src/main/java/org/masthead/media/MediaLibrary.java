package org.masthead.media;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.masthead.platform.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores images and the resized variants that reader pages offer in srcset. */
@Service
public class MediaLibrary {

    private static final String JPEG = "image/jpeg";

    private final JdbcClient jdbc;
    private final MediaStore store;
    private final MediaProperties properties;
    private final Clock clock;
    private final DecodeBudget budget;
    private final Cache<Long, Boolean> knownPublic = Caffeine.newBuilder().maximumSize(200_000).build();
    /** Assets by id once read with their variants (see {@link #find(Collection)}). */
    private final Cache<Long, MediaAsset> assets = Caffeine.newBuilder().maximumSize(20_000).build();

    MediaLibrary(JdbcClient jdbc, MediaStore store, MediaProperties properties, Clock clock, DecodeBudget budget) {
        this.budget = budget;
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores a decoded image as JPEG in its own size and every configured smaller width. */
    @Transactional
    public MediaAsset add(BufferedImage image) {
        return store(prepare(image));
    }

    /**
     * Takes an uploaded file: the type is sniffed from its bytes (a renamed file is refused), its size
     * and pixel dimensions are bounded, and it is decoded and re-encoded, which leaves every piece of
     * metadata (EXIF, GPS position, camera serials, comments) behind.
     */
    @Transactional
    public MediaItem upload(byte[] bytes, String fileName, String uploadedBy) {
        return store(prepareUpload(bytes, fileName), uploadedBy);
    }

    /** An upload checked and encoded as {@link #upload} does it, not yet stored. */
    public record PreparedUpload(PreparedImage image, String fileName) {
    }

    /**
     * The checks and the encoding of {@link #upload} without touching the database or the store: the CPU-heavy
     * half, which a caller bringing in many images (an archive import) runs on another thread ahead of storing.
     */
    public PreparedUpload prepareUpload(byte[] bytes, String fileName) {
        var sniffed = UploadSniffer.sniff(bytes, fileName, properties);
        PreparedImage prepared;
        try (var reservation = budget.reserve((long) sniffed.width() * sniffed.height())) {
            BufferedImage image;
            try {
                image = ImageIO.read(new ByteArrayInputStream(bytes));
            } catch (IOException | RuntimeException e) {
                throw new UploadRejected("newsroom.media.error.unreadable");
            }
            if (image == null) {
                throw new UploadRejected("newsroom.media.error.unreadable");
            }
            prepared = prepare(image);
        }
        var name = fileName.replaceAll("[\\p{Cntrl}/\\\\]", "");
        return new PreparedUpload(prepared, name.length() > 200 ? name.substring(name.length() - 200) : name);
    }

    /** Stores a prepared upload, its variants with it. */
    @Transactional
    public MediaItem store(PreparedUpload upload, String uploadedBy) {
        long id = insert(upload.image(), upload.fileName(), uploadedBy);
        return item(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<MediaItem> item(long id) {
        return items("select * from media_asset where id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Earlier uploads, newest first, whose file name, caption, credit or alt text contains {@code text}. */
    @Transactional(readOnly = true)
    public List<MediaItem> search(String text, int offset, int limit) {
        var pattern = "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return items("""
                select * from media_asset a
                 where lower(a.original_name) like :text
                    or exists (select 1 from media_text t where t.media_id = a.id
                                and t.folded like :text)
                 order by a.id desc limit :limit offset :offset""",
                Map.of("text", pattern, "limit", limit, "offset", offset));
    }

    /** Writes the caption, credit and alt text of an image in one language. */
    @Transactional
    public void describe(long id, Language language, MediaText text) {
        jdbc.sql("""
                insert into media_text (media_id, language, caption, credit, alt, folded)
                values (:id, :lang, :caption, :credit, :alt, :folded)
                on conflict (media_id, language) do update
                   set caption = excluded.caption, credit = excluded.credit, alt = excluded.alt, folded = excluded.folded""")
                .param("id", id).param("lang", language.code()).param("caption", text.caption().strip())
                .param("credit", text.credit().strip()).param("alt", text.alt().strip())
                .param("folded", (text.caption().strip() + " " + text.credit().strip() + " " + text.alt().strip())
                        .toLowerCase(java.util.Locale.ROOT))
                .update();
    }

    private List<MediaItem> items(String sql, Map<String, ?> params) {
        var rows = jdbc.sql(sql).params(params)
                .query((rs, n) -> new MediaItem(rs.getLong("id"), rs.getString("original_name"), rs.getInt("width"),
                        rs.getInt("height"), rs.getString("uploaded_by"), java.time.Instant.ofEpochMilli(rs.getLong("created_at")),
                        new EnumMap<>(Language.class)))
                .list();
        if (!rows.isEmpty()) {
            var byId = rows.stream().collect(Collectors.toMap(MediaItem::id, Function.identity()));
            jdbc.sql("select media_id, language, caption, credit, alt from media_text where media_id in (:ids)")
                    .param("ids", new ArrayList<>(byId.keySet()))
                    .query((rs, n) -> {
                        var text = new MediaText(rs.getString(3), rs.getString(4), rs.getString(5));
                        var item = byId.get(rs.getLong(1));
                        Language.fromCode(rs.getString(2)).ifPresent(lang -> item.texts().put(lang, text));
                        return text;
                    })
                    .list();
        }
        return rows;
    }

/**
     * Encodes an image and its variants without touching the store: the CPU-heavy half of {@link #add},
     * which callers adding many images may run in parallel before storing each.
     */
    public PreparedImage prepare(BufferedImage image) {
        var widths = new TreeSet<Integer>();
        widths.add(image.getWidth());
        properties.variantWidths().stream().filter(w -> w < image.getWidth()).forEach(widths::add);
        var variants = new ArrayList<PreparedImage.Variant>();
        for (int width : widths) {
            int height = Math.round((float) image.getHeight() * width / image.getWidth());
            var bytes = encode(width == image.getWidth() ? image : resize(image, width, height));
            variants.add(new PreparedImage.Variant(width, height, bytes));
        }
        return new PreparedImage(image.getWidth(), image.getHeight(), variants);
    }

    @Transactional
    public MediaAsset store(PreparedImage image) {
        return find(insert(image, "", "")).orElseThrow();
    }

    private long insert(PreparedImage image, String originalName, String uploadedBy) {
        var original = image.variants().getLast();
        long id = jdbc.sql("""
                insert into media_asset (content_type, width, height, byte_size, created_at, original_name, uploaded_by)
                values (:type, :width, :height, :size, :now, :name, :by) returning id""")
                .param("type", JPEG).param("width", image.width()).param("height", image.height())
                .param("size", original.bytes().length).param("now", clock.millis())
                .param("name", originalName).param("by", uploadedBy)
                .query(Long.class).single();
        try {
            for (var variant : image.variants()) {
                store.put(MediaStore.key(id, variant.width()), variant.bytes());
                jdbc.sql("insert into media_variant (media_id, width, height) values (:id, :width, :height)")
                        .param("id", id).param("width", variant.width()).param("height", variant.height()).update();
            }
        } catch (UncheckedIOException e) {
            // the disk is full or unwritable: leave no file of this image behind; the rows roll back
            store.deleteAll(id);
            throw new UploadRejected("newsroom.media.error.storage");
        } catch (MediaStoreUnavailable e) {
            // the bucket went away half-way: what reached it is removed if it can be; the rows roll back
            store.deleteAll(id);
            throw new UploadRejected("newsroom.media.error.unreachable", true);
        }
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<MediaAsset> find(long id) {
        return Optional.ofNullable(find(List.of(id)).get(id));
    }

    /**
     * Assets with their variants, kept once read: an asset and its variants are written together when it is
     * stored and never change after (texts and crops live apart), so a reader page asks for each image once.
     */
    @Transactional(readOnly = true)
    public Map<Long, MediaAsset> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var found = new java.util.HashMap<Long, MediaAsset>();
        var missing = new ArrayList<Long>();
        for (var id : ids) {
            var known = assets.getIfPresent(id);
            if (known != null) {
                found.put(id, known);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            var loaded = load(missing);
            loaded.values().stream().filter(asset -> !asset.variants().isEmpty()).forEach(asset -> assets.put(asset.id(), asset));
            found.putAll(loaded);
        }
        return found;
    }

    private Map<Long, MediaAsset> load(Collection<Long> ids) {
        var variants = jdbc.sql("select media_id, width, height from media_variant where media_id in (:ids) order by width")
                .param("ids", new ArrayList<>(ids))
                .query((rs, n) -> Map.entry(rs.getLong(1), new MediaAsset.Variant(rs.getInt(2), rs.getInt(3))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select id, content_type, width, height from media_asset where id in (:ids)")
                .param("ids", new ArrayList<>(ids))
                .query((rs, n) -> new MediaAsset(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        variants.getOrDefault(rs.getLong(1), List.of())))
                .list().stream()
                .collect(Collectors.toMap(MediaAsset::id, Function.identity()));
    }

    /**
     * Whether anyone may load the image: true once a published story has shown it. Until then only
     * signed-in staff may (its ids are sequential, so they would be easy to guess).
     */
    @Transactional(readOnly = true)
    public boolean isPublic(long id) {
        if (knownPublic.getIfPresent(id) != null) {
            return true;
        }
        boolean published = jdbc.sql("select count(*) from media_asset where id = :id and published_at is not null")
                .param("id", id).query(Integer.class).single() > 0;
        if (published) {
            knownPublic.put(id, Boolean.TRUE);   // never un-published, so it may be remembered
        }
        return published;
    }

    /** The stored file of one variant, when both the asset and that width exist. */
    public Optional<StoredImage> image(long id, int width) {
        return store.find(MediaStore.key(id, width));
    }

    /**
     * The widest width at most {@code preferred} in which {@code asset} can be offered cut to {@code crop}:
     * one of the configured widths that fits inside the cut, or the cut's own width for small images.
     */
    public int cropWidth(MediaAsset asset, Crop crop, int preferred) {
        int widest = crop.widestIn(asset.width(), asset.height());
        return allowedCropWidths(widest).stream().filter(w -> w <= preferred).max(Integer::compare)
                .orElse(Math.min(widest, preferred));
    }

    /**
     * The file of {@code asset} cut to {@code crop} at {@code width}, made from the original on first
     * request and kept. Only the widths {@link #cropWidth} can answer are made, so requests cannot fill
     * the disk with sizes nobody links to.
     */
    public Optional<StoredImage> cropped(long id, Crop crop, int width) {
        var key = MediaStore.key(id, crop, width);
        var existing = store.find(key);
        if (existing.isPresent()) {
            return existing;
        }
        var asset = find(id).orElse(null);
        if (asset == null || !allowedCropWidths(crop.widestIn(asset.width(), asset.height())).contains(width)) {
            return Optional.empty();
        }
        var original = store.find(MediaStore.key(id, asset.width())).orElse(null);
        if (original == null) {
            return Optional.empty();
        }
        byte[] encoded;
        // readers' requests decode originals too: they share the budget with uploads
        try (var reservation = budget.reserve((long) asset.width() * asset.height())) {
            BufferedImage source;
            try (var in = original.open()) {
                source = ImageIO.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read image " + id, e);
            }
            if (source == null) {
                return Optional.empty();
            }
            int cutWidth = crop.widestIn(source.getWidth(), source.getHeight());
            int cutHeight = Math.min(source.getHeight(), crop.heightFor(cutWidth));
            var cut = source.getSubimage((source.getWidth() - cutWidth) / 2, (source.getHeight() - cutHeight) / 2,
                    cutWidth, cutHeight);
            encoded = encode(resize(cut, width, crop.heightFor(width)));
        }
        // made once: every node that asks later finds it in the store
        store.put(key, encoded);
        return store.find(key);
    }

    private java.util.SortedSet<Integer> allowedCropWidths(int widest) {
        var widths = new TreeSet<Integer>();
        properties.variantWidths().stream().filter(w -> w <= widest).forEach(widths::add);
        if (widths.isEmpty()) {
            widths.add(widest);
        }
        return widths;
    }

    private static BufferedImage resize(BufferedImage source, int width, int height) {
        var target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = target.createGraphics();
        try {
            // transparent pixels of a PNG or WebP become white, not black, in the JPEG
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private byte[] encode(BufferedImage image) {
        var rgb = image.getType() == BufferedImage.TYPE_INT_RGB ? image : resize(image, image.getWidth(), image.getHeight());
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var bytes = new ByteArrayOutputStream();
        try (var out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            var params = writer.getDefaultWriteParam();
            params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            params.setCompressionQuality(properties.jpegQuality());
            params.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(rgb, null, null), params);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode JPEG", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
