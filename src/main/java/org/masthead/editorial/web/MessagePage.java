package org.masthead.editorial.web;

import org.masthead.identity.NewsroomChrome;

/** A newsroom page that only says something: why an action was refused, or that a story is gone. */
public record MessagePage(NewsroomChrome chrome, String text) {
}
