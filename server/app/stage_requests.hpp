#pragma once
// The requests the hall's stage feature (features/stage_feature.hpp) handles, as domain values.
// ProgrammeService checks the role and the session first and hands them to the session's room.
// Hosts run the stage from anywhere, so each request carries the link its answer goes to rather
// than being answered through the room.
#include <cstdint>
#include <memory>
#include <string>

#include "app/session_link.hpp"
#include "programme/talk.hpp"

namespace moim::app::stage {

// Someone raises (or lowers) their hand during a live session.
struct RaiseHand {
  programme::TalkId talk = 0;
  bool raised = false;
  std::shared_ptr<SessionLink> reply_to;
};
// A host gives the stage to the first raised hand.
struct NextHand {
  programme::TalkId talk = 0;
  std::shared_ptr<SessionLink> reply_to;
};
// A host gives the stage to `speaker`.
struct Give {
  programme::TalkId talk = 0;
  programme::UserId speaker = 0;
  std::string name;
  std::shared_ptr<SessionLink> reply_to;
};

}  // namespace moim::app::stage
