package org.masthead.site.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import org.masthead.content.FrontPages;
import org.masthead.content.StoryCard;

/**
 * How a front (the home page, a section's first page) is filled: the stories the editors put in places go there
 * while they are live in the language; every other place, and the cards after the places, take the newest stories
 * not placed yet.
 */
final class FrontLayout {

    /**
     * The lead and the 14 cards after it fill every row of the front's grid whatever its number of columns
     * (one to four, see site.css): with the lead over two columns and two rows, 14 cards leave no cell empty.
     */
    static final int CARDS = 15;

    /** The front's stories in order, the lead first, and whether each is in a place the editors chose. */
    record Arranged(List<StoryCard> cards, List<Boolean> placed) {
    }

    private FrontLayout() {
    }

    /** At most {@code count} stories: {@code chosen} (the placed stories' cards) in their places, {@code newest} around them. */
    static Arranged arrange(List<FrontPages.Slot> slots, Collection<StoryCard> chosen, List<StoryCard> newest, int count) {
        var byId = new HashMap<Long, StoryCard>();
        chosen.forEach(card -> byId.put(card.id(), card));
        var byPosition = new HashMap<Integer, StoryCard>();
        slots.forEach(slot -> {
            var card = byId.get(slot.storyId());
            if (card != null) {
                byPosition.put(slot.position(), card);
            }
        });
        var placedIds = byPosition.values().stream().map(StoryCard::id).collect(java.util.stream.Collectors.toSet());
        var rest = newest.stream().filter(card -> !placedIds.contains(card.id())).iterator();
        var cards = new ArrayList<StoryCard>(count);
        var placed = new ArrayList<Boolean>(count);
        for (int position = 1; position <= count; position++) {
            var card = byPosition.get(position);
            if (card != null) {
                cards.add(card);
                placed.add(true);
            } else if (rest.hasNext()) {
                cards.add(rest.next());
                placed.add(false);
            }
        }
        return new Arranged(cards, placed);
    }
}
