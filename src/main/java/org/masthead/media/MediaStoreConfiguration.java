package org.masthead.media;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one store of images this node uses, as {@code masthead.media.store} says. */
@Configuration(proxyBeanMethods = false)
class MediaStoreConfiguration {

    @Bean
    MediaStore mediaStore(MediaProperties properties) {
        return switch (properties.store()) {
            case DISK -> new DiskMediaStore(properties.directory());
            case S3 -> new S3MediaStore(properties.s3());
        };
    }
}
