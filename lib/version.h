#ifndef NEWS_VERSION_H
#define NEWS_VERSION_H
#define NEWSUTILS_VERSION	"0.1.0"
#endif
