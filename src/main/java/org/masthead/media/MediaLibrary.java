package org.masthead.media;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores images and the resized variants that reader pages offer in srcset. */
@Service
public class MediaLibrary {

    private static final String JPEG = "image/jpeg";

    private final JdbcClient jdbc;
    private final MediaFiles files;
    private final MediaProperties properties;
    private final Clock clock;

    MediaLibrary(JdbcClient jdbc, MediaFiles files, MediaProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores a decoded image as JPEG in its own size and every configured smaller width. */
    @Transactional
    public MediaAsset add(BufferedImage image) {
        return store(prepare(image));
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
        var original = image.variants().getLast();
        long id = jdbc.sql("""
                insert into media_asset (content_type, width, height, byte_size, created_at)
                values (:type, :width, :height, :size, :now) returning id""")
                .param("type", JPEG).param("width", image.width()).param("height", image.height())
                .param("size", original.bytes().length).param("now", clock.millis())
                .query(Long.class).single();
        for (var variant : image.variants()) {
            files.write(id, variant.width(), variant.bytes());
            jdbc.sql("insert into media_variant (media_id, width, height) values (:id, :width, :height)")
                    .param("id", id).param("width", variant.width()).param("height", variant.height()).update();
        }
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<MediaAsset> find(long id) {
        return Optional.ofNullable(find(List.of(id)).get(id));
    }

    @Transactional(readOnly = true)
    public Map<Long, MediaAsset> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
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

    /** The file of one variant, when both the asset and that width exist. */
    public Optional<Path> file(long id, int width) {
        var path = files.path(id, width);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    private static BufferedImage resize(BufferedImage source, int width, int height) {
        var target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = target.createGraphics();
        try {
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
